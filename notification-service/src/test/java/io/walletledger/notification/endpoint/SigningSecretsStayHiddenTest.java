package io.walletledger.notification.endpoint;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.notification.NotificationApi;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.walletledger.notification.NotificationApi.authorized;
import static io.walletledger.notification.NotificationApi.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A signing secret is in the one response that creates it and nowhere else the service writes: not in
 * reads of the endpoint, the delivery log or dead letters, not in error responses, not in /prometheus,
 * not in the service's log (captured from logback, the service's own loggers at TRACE) while deliveries
 * fail, die and are retried.
 */
@ExtendWith(RealServices.class)
class SigningSecretsStayHiddenTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Logger SERVICE_LOGGERS = (Logger) LoggerFactory.getLogger("io.walletledger");
    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private static final CapturedLog LOG = new CapturedLog();
    private static Level serviceLevel;
    private static EmbeddedServer server;
    private static EventTopic topic;
    private static WebhookReceiver receiver;
    private static NotificationApi api;

    /** Every log line of the JVM with its stack trace, from any thread. */
    static final class CapturedLog extends AppenderBase<ILoggingEvent> {
        private final Queue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            String thrown = event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy());
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        serviceLevel = SERVICE_LOGGERS.getLevel();
        SERVICE_LOGGERS.setLevel(Level.TRACE);
        LOG.start();
        ROOT.addAppender(LOG);
        topic = new EventTopic(kafka);
        receiver = new WebhookReceiver();
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, Map.of(
                "ledger.webhooks.retry-schedule", "0s,200ms",
                "ledger.webhooks.retry-jitter", 0,
                "ledger.webhooks.poll-interval", "100ms",
                "ledger.webhooks.require-https", false,
                "ledger.webhooks.allowed-networks", "127.0.0.0/8")));
        api = new NotificationApi(server.getURL().toString(), topic);
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        receiver.close();
        topic.close();
        ROOT.detachAppender(LOG);
        LOG.stop();
        SERVICE_LOGGERS.setLevel(serviceLevel);
    }

    @Test
    void a_signing_secret_is_in_no_response_but_its_own_nor_in_the_log_or_the_metrics() throws Exception {
        String merchant = api.newMerchant();
        receiver.on("/hidden", n -> n <= 2 ? WebhookReceiver.Reply.status(500) : WebhookReceiver.Reply.status(204));
        JsonNode created = api.createEndpoint(merchant, receiver.url("/hidden"), List.of("payment.authorized"));
        String id = created.get("id").asText();
        String endpoint = "/v1/webhook-endpoints/" + id;
        String rotated = api.send("POST", endpoint + "/rotate-secret", null).json().get("secret").asText();
        topic.publish(authorized(payment(), merchant, 0));
        await().atMost(WAIT).until(() -> api.get(endpoint + "/dead-letters").json().get("data").size() == 1);
        String delivery = api.get(endpoint + "/dead-letters").json().get("data").get(0).get("id").asText();
        assertThat(api.send("POST", endpoint + "/deliveries/" + delivery + "/retry", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> api.get(endpoint + "/deliveries?status=SUCCEEDED").json().get("data")
                .size() == 1);

        String[] secrets = secretParts(created.get("secret").asText(), rotated);
        List<String> responses = new ArrayList<>();
        NotificationApi otherMerchant = api.as(merchantKey(api.newMerchant()));
        for (NotificationApi.Response response : List.of(api.get(endpoint), api.get("/v1/webhook-endpoints"),
                api.get("/v1/webhook-endpoints?merchantAccountId=" + merchant),
                api.as(merchantKey(merchant)).get(endpoint),
                api.get(endpoint + "/deliveries"), api.get(endpoint + "/deliveries/" + delivery),
                api.get(endpoint + "/dead-letters"), api.send("PATCH", endpoint, "{\"url\":\"ftp://example.com/x\"}"),
                api.send("POST", endpoint + "/rotate-secret", "{\"overlapSeconds\":-1}"),
                otherMerchant.get(endpoint), otherMerchant.send("POST", endpoint + "/rotate-secret", null),
                api.get("/prometheus"))) {
            assertThat(response.status()).as(response.body()).isLessThan(500);
            responses.add(response.status() + " " + response.body());
        }
        assertThat(String.join("\n", responses)).as("the responses cover the endpoint, its log and the metrics")
                .contains(id, "\"attemptLog\"", "ledger_notification_events_total");
        assertThat(holdingAny(responses, secrets)).as("responses repeating a secret").isEmpty();
        assertThat(LOG.lines()).as("the capture sees the service's own log lines")
                .anyMatch(line -> line.contains("is dead after 2 attempts"));
        assertThat(holdingAny(LOG.lines(), secrets)).as("log lines holding a secret").isEmpty();
    }

    private static List<String> holdingAny(List<String> texts, String[] secrets) {
        return texts.stream().filter(text -> Arrays.stream(secrets).anyMatch(text::contains)).toList();
    }

    /** The secrets, and their keys without the whsec_ prefix (what would sign, if it leaked). */
    private static String[] secretParts(String... secrets) {
        List<String> parts = new ArrayList<>();
        for (String secret : secrets) {
            assertThat(secret).startsWith(SigningSecrets.PREFIX);
            parts.add(secret);
            parts.add(secret.substring(SigningSecrets.PREFIX.length()));
        }
        return parts.toArray(String[]::new);
    }

    private static String merchantKey(String merchant) {
        return server.getApplicationContext().getBean(ApiKeyRegistry.class)
                .issue(Role.MERCHANT, merchant, List.of(), "secrets test", null, null).plaintext();
    }
}
