package io.walletledger.command.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Commands in on ledger.commands.v1, outcomes out on ledger.command-results.v1, on real Kafka and PostgreSQL. */
@ExtendWith(RealServices.class)
class KafkaIntakeTest {

    private static final String DEPOSITS_ONLY = "deposits-only-upstream";
    private static EmbeddedServer server;
    private static CommandTopics topics;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) {
        database = db;
        Map<String, Object> issuers = new HashMap<>(CommandTopics.issuerAllowedEverything());
        issuers.put("ledger.intake.issuers." + DEPOSITS_ONLY, List.of("deposits:create"));
        issuers.put("ledger.intake.fail-commands-with-prefix", POISONED);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, issuers));
        topics = new CommandTopics(kafka);
    }

    @AfterAll
    static void stop() {
        topics.close();
        server.getApplicationContext().close();
    }

    private static final String POISONED = "poisoned-";

    private static JsonNode accepted(String commandId) {
        JsonNode result = topics.result(commandId);
        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
        assertThat(result.get("issuer").asText()).isEqualTo("test-upstream");
        return result.get("resource");
    }

    private static String open(String type) throws Exception {
        return accepted(topics.send("account.open", null, "{\"ownerId\":\"k\",\"type\":\"" + type
                + "\",\"currency\":\"EUR\",\"kycTier\":3}")).get("id").asText();
    }

    @Test
    void every_command_type_is_handled_like_its_http_operation() throws Exception {
        String alice = open("CUSTOMER");
        String bob = open("CUSTOMER");
        String shop = open("MERCHANT");
        accepted(topics.send("deposit", alice, "{\"accountId\":\"" + alice + "\",\"amount\":10000,\"currency\":\"EUR\",\"method\":\"CARD\"}"));
        JsonNode withdrawal = accepted(topics.send("withdrawal", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":1000,\"currency\":\"EUR\",\"method\":\"CASH\"}"));
        assertThat(withdrawal.get("consistencyToken").asText()).startsWith(alice + "@");
        JsonNode transfer = accepted(topics.send("transfer", alice, "{\"sourceAccountId\":\"" + alice
                + "\",\"destinationAccountId\":\"" + bob + "\",\"amount\":500,\"currency\":\"EUR\"}"));
        assertThat(transfer.get("status").asText()).isEqualTo("PENDING");
        assertThat(accepted(topics.send("account.freeze", bob, "{\"accountId\":\"" + bob + "\",\"reason\":\"kyc\"}"))
                .get("status").asText()).isEqualTo("FROZEN");
        assertThat(accepted(topics.send("account.unfreeze", bob, "{\"accountId\":\"" + bob + "\"}"))
                .get("status").asText()).isEqualTo("ACTIVE");

        String payment = accepted(topics.send("payment.request", shop, "{\"merchantAccountId\":\"" + shop
                + "\",\"amount\":2000,\"currency\":\"EUR\",\"orderReference\":\"o-1\",\"captureMethod\":\"MANUAL\"}"))
                .get("id").asText();
        assertThat(accepted(topics.send("payment.authorize", payment, "{\"paymentId\":\"" + payment
                + "\",\"payerAccountId\":\"" + alice + "\"}")).get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(accepted(topics.send("payment.capture", payment, "{\"paymentId\":\"" + payment + "\"}"))
                .get("status").asText()).isEqualTo("CAPTURED");
        await().atMost(Duration.ofSeconds(20)).until(() -> credited(shop));
        assertThat(accepted(topics.send("payment.refund", payment, "{\"paymentId\":\"" + payment
                + "\",\"amount\":500,\"currency\":\"EUR\"}")).get("status").asText()).isEqualTo("PARTIALLY_REFUNDED");

        String other = accepted(topics.send("payment.request", shop, "{\"merchantAccountId\":\"" + shop
                + "\",\"amount\":100,\"currency\":\"EUR\",\"orderReference\":\"o-2\",\"captureMethod\":\"MANUAL\"}"))
                .get("id").asText();
        assertThat(accepted(topics.send("payment.cancel", other, "{\"paymentId\":\"" + other + "\"}"))
                .get("status").asText()).isEqualTo("CANCELED");

        String empty = open("CUSTOMER");
        assertThat(accepted(topics.send("account.close", empty, "{\"accountId\":\"" + empty + "\"}"))
                .get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void I7_exactly_once_a_replayed_command_id_publishes_the_first_outcome_again_and_changes_nothing() throws Exception {
        String alice = open("CUSTOMER");
        String deposit = "{\"accountId\":\"" + alice + "\",\"amount\":700,\"currency\":\"EUR\",\"method\":\"CARD\"}";
        String commandId = topics.send("deposit", alice, deposit);
        topics.sendAs(commandId, "deposit", alice, deposit);

        var results = topics.results(commandId, 2);
        assertThat(results.get(0).get("replayed").asBoolean()).isFalse();
        assertThat(results.get(1).get("replayed").asBoolean()).isTrue();
        assertThat(results.get(1).get("resource")).isEqualTo(results.get(0).get("resource"));
        assertThat(eventsOf(alice)).isEqualTo(2);

        topics.sendAs(commandId, "deposit", alice, deposit.replace("700", "701"));
        var third = topics.results(commandId, 3).get(2);
        assertThat(third.get("status").asText()).isEqualTo("REJECTED");
        assertThat(third.at("/problem/code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(eventsOf(alice)).isEqualTo(2);
    }

    @Test
    void refusals_are_rejected_results_with_the_problem_code() throws Exception {
        String alice = open("CUSTOMER");
        JsonNode broke = topics.result(topics.send("withdrawal", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":1,\"currency\":\"EUR\",\"method\":\"CASH\"}"));
        assertThat(broke.get("status").asText()).isEqualTo("REJECTED");
        assertThat(broke.get("httpStatus").asInt()).isEqualTo(422);
        assertThat(broke.at("/problem/code").asText()).isEqualTo("insufficient_funds");

        JsonNode malformed = topics.result(topics.send("deposit", alice, "{\"accountId\":\"" + alice + "\",\"amount\":1.5,\"currency\":\"EUR\",\"method\":\"CASH\"}"));
        assertThat(malformed.at("/problem/code").asText()).isEqualTo("invalid_amount");
        JsonNode missing = topics.result(topics.send("payment.capture", "x", "{}"));
        assertThat(missing.at("/problem/code").asText()).isEqualTo("validation_failed");
        assertThat(eventsOf(alice)).isEqualTo(1);
    }

    @Test
    void records_that_are_not_commands_go_to_the_dead_letter_topic_and_consumption_continues() throws Exception {
        topics.sendRaw("k", "this is not json {poison-1}");
        topics.sendRaw("k", "{\"commandId\":\"poison-2\",\"type\":\"account.explode\",\"payload\":{},\"issuer\":\"x\","
                + "\"issuedAt\":\"2026-11-25T10:00:00Z\"}");
        topics.sendRaw("k", "{\"type\":\"deposit\",\"payload\":{},\"issuer\":\"x\",\"poison-3\":1}");

        assertThat(topics.deadLetterReason("poison-1")).startsWith("not JSON");
        assertThat(topics.deadLetterReason("poison-2")).contains("unknown command type 'account.explode'");
        assertThat(topics.deadLetterReason("poison-3")).contains("'commandId' is required");
        assertThat(open("CUSTOMER")).startsWith("acc_");
    }

    @Test
    void a_command_failing_on_its_own_is_retried_then_dead_lettered_and_answered_and_its_partition_goes_on()
            throws Exception {
        String key = "acc-poison-key";
        String poisoned = POISONED + UUID.randomUUID();
        topics.sendAs(poisoned, "account.open", key, "{\"ownerId\":\"poisoned\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        String after = "cmd-" + UUID.randomUUID();
        topics.sendAs(after, "account.open", key, "{\"ownerId\":\"after\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");

        assertThat(topics.deadLetterReason(poisoned)).startsWith("failed 3 times on its own")
                .contains("fault injection");
        JsonNode answer = topics.result(poisoned);
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.get("httpStatus").asInt()).isEqualTo(500);
        assertThat(answer.at("/problem").toString()).contains("command_failed");
        assertThat(accepted(after).get("id").asText()).as("the same partition went on").startsWith("acc_");
    }

    @Test
    void commands_of_an_issuer_that_is_not_configured_are_refused_as_forbidden_change_nothing_and_consumption_continues()
            throws Exception {
        String alice = open("CUSTOMER");
        String commandId = "cmd-" + UUID.randomUUID();
        topics.sendFrom("stranger", commandId, "deposit", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":700,\"currency\":\"EUR\",\"method\":\"CARD\"}");

        JsonNode refused = topics.result(commandId);
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(403);
        assertThat(refused.get("issuer").asText()).isEqualTo("stranger");
        assertThat(refused.at("/problem/code").asText()).isEqualTo("forbidden");
        assertThat(refused.at("/problem/detail").asText()).contains("'stranger' is not configured");
        assertThat(eventsOf(alice)).isEqualTo(1);

        // nothing was recorded under the commandId: the same command from an allowed issuer runs
        topics.sendAs(commandId, "deposit", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":700,\"currency\":\"EUR\",\"method\":\"CARD\"}");
        assertThat(topics.results(commandId, 2).get(1).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(eventsOf(alice)).isEqualTo(2);
    }

    @Test
    void an_issuer_is_refused_the_command_types_it_is_not_granted_and_accepted_for_those_it_is() throws Exception {
        String alice = open("CUSTOMER");
        String withdrawal = "cmd-" + UUID.randomUUID();
        topics.sendFrom(DEPOSITS_ONLY, withdrawal, "withdrawal", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":1,\"currency\":\"EUR\",\"method\":\"CASH\"}");
        JsonNode refused = topics.result(withdrawal);
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(403);
        assertThat(refused.at("/problem/code").asText()).isEqualTo("forbidden");
        assertThat(refused.at("/problem/detail").asText()).contains("withdrawals:create");
        assertThat(eventsOf(alice)).isEqualTo(1);

        String deposit = "cmd-" + UUID.randomUUID();
        topics.sendFrom(DEPOSITS_ONLY, deposit, "deposit", alice,
                "{\"accountId\":\"" + alice + "\",\"amount\":300,\"currency\":\"EUR\",\"method\":\"CARD\"}");
        JsonNode accepted = topics.result(deposit);
        assertThat(accepted.get("status").asText()).as(accepted.toString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("issuer").asText()).isEqualTo(DEPOSITS_ONLY);
        assertThat(eventsOf(alice)).isEqualTo(2);
    }

    private static boolean credited(String merchant) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = 'account.payment_credited'")) {
            s.setString(1, merchant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static long eventsOf(String account) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
