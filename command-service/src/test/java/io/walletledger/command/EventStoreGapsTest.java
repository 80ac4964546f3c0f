package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.command.publishing.KafkaEventPublisher;
import io.walletledger.payment.MerchantSettlement;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.PublishedEvents;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.TestKeys;
import io.walletledger.transfer.TransferProcess;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps in the event store's global index (indexes drawn by transactions that rolled back) stay bounded:
 * the tracking processors give them up after the gap timeout, and a lost race draws one index per
 * event it tried to append. With Axon's defaults a token kept every gap of the last minute, and on H2 a
 * writer that waited for another one's commit drew a new index on every internal retry: command-service
 * ran out of heap on its tokens' gap sets (ADR 0021).
 */
@ExtendWith(RealServices.class)
class EventStoreGapsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROLLED_BACK = 3_000;
    private static final int CLEANING_THRESHOLD = 32;
    private static final List<String> PROCESSORS = List.of(KafkaEventPublisher.PROCESSING_GROUP,
            TransferProcess.PROCESSING_GROUP, MerchantSettlement.PROCESSING_GROUP);

    @Test
    void thousands_of_rolled_back_appends_leave_bounded_tokens_and_every_event_is_published(KafkaEndpoint kafka,
                                                                                         PostgresDatabase db)
            throws Exception {
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db,
                Map.of("ledger.event-store.gap-timeout-ms", 2_000))) {
            String account = open(service.post("/v1/accounts",
                    "{\"ownerId\":\"gaps\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}"));
            rollBackAppends(service.context().getBean(DataSource.class), ROLLED_BACK);
            assertThat(deposit(service::post, account).statusCode()).isEqualTo(201);

            // the gaps are young at first and kept; once they are older than the timeout, the next event's token
            // leaves them behind. A deposit while they are not gives the processors that next event.
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean bounded = everyTokenAtHeadWithBoundedGaps(service.context());
                if (!bounded) {
                    assertThat(deposit(service::post, account).statusCode()).isEqualTo(201);
                }
                return bounded;
            });
            // opened, then at least two deposits: the first one right behind the rolled-back indexes
            assertThat(PublishedEvents.keyed(kafka, account, 3)).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_lost_race_on_h2_draws_one_global_index_per_event_not_one_per_internal_retry(KafkaEndpoint kafka,
                                                                                      @TempDir Path dir)
            throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("command-service") + ";DB_CLOSE_ON_EXIT=FALSE",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "ledger.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "ledger.security.admin-key", TestKeys.ADMIN,
                "ledger.security.mode", "test",
                "ledger.secrets.active-key-id", "test-1",
                "ledger.secrets.active-key", TestKeys.SECRETS_KEY))) {
            HttpClient http = HttpClient.newHttpClient();
            Poster post = (path, json) -> http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", TestKeys.adminBearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            String account = open(post.post("/v1/accounts",
                    "{\"ownerId\":\"hot\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\",\"kycTier\":3}"));
            DataSource data = server.getApplicationContext().getBean(DataSource.class);
            long gapsBefore = gaps(data);
            for (int round = 0; round < 3; round++) {
                concurrently(24, () -> deposit(post, account));
            }
            double lostRaces = server.getApplicationContext().getBean(MeterRegistry.class)
                    .counter("ledger.commands.concurrency.retries").count();
            // each lost attempt of a deposit had appended one event (one index) before it failed
            assertThat(gaps(data) - gapsBefore).isLessThanOrEqualTo((long) lostRaces);
        }
    }

    @FunctionalInterface
    private interface Poster {
        HttpResponse<String> post(String path, String json) throws Exception;
    }

    private static HttpResponse<String> deposit(Poster post, String account) throws Exception {
        return post.post("/v1/deposits", "{\"accountId\":\"" + account
                + "\",\"amount\":100,\"currency\":\"EUR\",\"method\":\"CARD\"}");
    }

    private static String open(HttpResponse<String> opened) throws Exception {
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JSON.readTree(opened.body()).get("id").asText();
    }

    private static void concurrently(int requests, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(call);
            }
            for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Indexes drawn by transactions that rolled back, as a lost race or a refused command leaves them. */
    private static void rollBackAppends(DataSource data, int count) throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                    + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload) "
                    + "VALUES (?, ?, 0, 'Account', '2026-01-01T00:00:00Z', 'rolled.back', ?)")) {
                for (int i = 0; i < count; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "rolled-back-" + i);
                    insert.setBytes(3, new byte[] {'{', '}'});
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.rollback();
        }
    }

    private static boolean everyTokenAtHeadWithBoundedGaps(ApplicationContext context) throws Exception {
        long head = headIndex(context.getBean(DataSource.class));
        for (String processor : PROCESSORS) {
            GapAwareTrackingToken token = token(context, processor);
            if (token.getIndex() < head || token.getGaps().size() > CLEANING_THRESHOLD) {
                return false;
            }
        }
        return true;
    }

    private static long headIndex(DataSource data) throws Exception {
        try (Connection c = data.getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long gaps(DataSource data) throws Exception {
        try (Connection c = data.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT MAX(global_index) - MIN(global_index) + 1 - COUNT(*) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static GapAwareTrackingToken token(ApplicationContext context, String processor) {
        TrackingEventProcessor tracking = context.getBean(Configuration.class).eventProcessingConfiguration()
                .eventProcessor(processor, TrackingEventProcessor.class).orElseThrow();
        EventTrackerStatus status = tracking.processingStatus().get(0);
        assertThat(status).as(processor + " is running").isNotNull();
        return (GapAwareTrackingToken) status.getTrackingToken();
    }
}
