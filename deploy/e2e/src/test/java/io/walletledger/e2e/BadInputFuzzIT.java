package io.walletledger.e2e;

import io.walletledger.e2e.fuzz.BadInputCampaign;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * The bad input campaign (issue 10): jqwik generates at least 10,000 invalid requests, each a valid
 * request to one endpoint of the three services made invalid in one way (types, missing and unknown
 * fields, numbers and strings out of bounds, unicode, nesting, syntax, duplicate keys, sizes, media
 * types and encodings, headers, query parameters, paths, methods, keys, another tenant), and sends
 * them to the packaged services running as processes on real Kafka and PostgreSQL. Every answer is a
 * 4xx problem+json with a code, none is a 5xx, and nothing changes: not a Kafka record, not a view,
 * not a table row. {@code -Dfuzz.seed=<seed>} replays a campaign, {@code -Dfuzz.requests=<n>} resizes it.
 */
@ExtendWith(RealServices.class)
class BadInputFuzzIT {

    private static ServiceProcess commands;
    private static ServiceProcess projections;
    private static ServiceProcess notifications;
    private static WebhookReceiver receiver;
    private static KafkaEndpoint kafka;
    private static PostgresDatabase commandDb;
    private static PostgresDatabase projectionDb;
    private static PostgresDatabase notificationDb;

    @BeforeAll
    static void startStack(KafkaEndpoint broker, PostgresDatabase database) throws Exception {
        kafka = broker;
        receiver = new WebhookReceiver();
        commandDb = database.sibling("fuzz_cmd");
        projectionDb = database.sibling("fuzz_proj");
        notificationDb = database.sibling("fuzz_notif");
        commands = ServiceProcess.start("command-service", "COMMAND_SERVICE_PORT",
                ServiceProcess.environment(kafka, commandDb));
        projections = ServiceProcess.start("projection-service", "PROJECTION_SERVICE_PORT",
                ServiceProcess.environment(kafka, projectionDb));
        Map<String, String> local = ServiceProcess.environment(kafka, notificationDb);
        local.put("MICRONAUT_ENVIRONMENTS", "local"); // the fixture's webhook endpoint is on loopback
        notifications = ServiceProcess.start("notification-service", "NOTIFICATION_SERVICE_PORT", local);
        commands.awaitHealthy();
        projections.awaitHealthy();
        notifications.awaitHealthy();
    }

    @AfterAll
    static void stopStack() throws Exception {
        ServiceProcess.closeAll(notifications, projections, commands);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void ten_thousand_invalid_requests_are_refused_with_problems_and_change_nothing() throws Exception {
        BadInputCampaign campaign = new BadInputCampaign(new BadInputCampaign.Stack(kafka.bootstrapServers(),
                commands.uri(""), projections.uri(""), notifications.uri(""), commandDb, projectionDb, notificationDb,
                receiver.url(BadInputCampaign.WEBHOOK_PATH)));
        campaign.run(System.getProperty("fuzz.seed"), Integer.getInteger("fuzz.requests", 10_500),
                Integer.getInteger("fuzz.threads", 6)).assertPassed();
    }
}
