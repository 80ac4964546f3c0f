package io.walletledger.command;

import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the database does not answer, a command is refused with 503 {@code database_unavailable} and
 * Retry-After, not 500; retried with its Idempotency-Key once the database is back, it is applied once.
 */
@ExtendWith(RealServices.class)
class DatabaseOutageHttpTest {

    private static final String OPEN = "{\"ownerId\":\"outage\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}";

    @Test
    void a_command_during_a_database_outage_is_503_with_retry_after_and_applies_once_when_retried(KafkaEndpoint kafka,
            PostgresDatabase server) throws Exception {
        PostgresDatabase db = server.sibling("outage");
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db,
                Map.of("datasources.default.connection-timeout", 1000))) {
            assertThat(service.post("/v1/accounts", OPEN).statusCode()).isEqualTo(201);
            String key = "outage-" + UUID.randomUUID();

            refuseConnections(server, db.databaseName(), true);
            HttpResponse<String> refused;
            try {
                refused = service.postWithKey("/v1/accounts", OPEN, key);
            } finally {
                refuseConnections(server, db.databaseName(), false);
            }
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("\"code\":\"database_unavailable\"");
            assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("retry-after")).contains("2");

            // as a client does: again after Retry-After while the answer is 503 (the pool replaces its broken connections)
            AtomicReference<HttpResponse<String>> retried = new AtomicReference<>();
            await("the retry answered by the database").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        retried.set(service.postWithKey("/v1/accounts", OPEN, key));
                        return retried.get().statusCode() != 503;
                    });
            assertThat(retried.get().statusCode()).as(retried.get().body()).isEqualTo(201);
            assertThat(service.postWithKey("/v1/accounts", OPEN, key).headers().firstValue("idempotent-replayed"))
                    .as("the retry's answer is the one outcome of the key").contains("true");
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry WHERE payload_type = 'account.opened'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("two accounts opened, the refused attempt left none").isEqualTo(2);
            }
        }
    }

    @Test
    void the_tracking_processors_start_again_as_soon_as_the_database_answers_instead_of_waiting_out_their_back_off(
            KafkaEndpoint kafka, PostgresDatabase server) throws Exception {
        PostgresDatabase db = server.sibling("revival");
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db,
                Map.of("datasources.default.connection-timeout", 1000))) {
            List<TrackingEventProcessor> processors = service.context().getBean(Configuration.class)
                    .eventProcessingConfiguration().eventProcessors().values().stream()
                    .map(TrackingEventProcessor.class::cast).toList();
            assertThat(processors).hasSize(3);
            refuseConnections(server, db.databaseName(), true);
            try {
                // each processor fails, releases its claim and waits in Axon's back-off (1, 2, 4 … 60 s)
                await("every processor failing on the database").atMost(Duration.ofSeconds(60))
                        .until(() -> processors.stream().allMatch(DatabaseOutageHttpTest::retrying));
            } finally {
                refuseConnections(server, db.databaseName(), false);
            }
            await("the processors restarted").atMost(Duration.ofSeconds(30))
                    .until(() -> processors.stream().noneMatch(DatabaseOutageHttpTest::retrying));
            assertThat(service.meters().counter("ledger.processors.revived").count())
                    .as("restarted by the revival, not by Axon's retry").isGreaterThanOrEqualTo(1);
            assertThat(service.post("/v1/accounts", OPEN).statusCode()).isEqualTo(201);
        }
    }

    /** Whether a segment of the processor waits in Axon's retry mode. */
    private static boolean retrying(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(status -> status.isErrorState());
    }

    /** Closes every connection to the database and refuses new ones (or lets them in again). */
    private static void refuseConnections(PostgresDatabase server, String database, boolean refuse) throws Exception {
        try (Connection admin = server.connect(); Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
