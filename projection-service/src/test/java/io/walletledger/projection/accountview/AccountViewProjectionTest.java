package io.walletledger.projection.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.envelope.Topics;
import io.walletledger.servicekit.kafka.DeadLetters;
import io.walletledger.testkit.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events from the real topic into account_view on real PostgreSQL, served over real HTTP. */
@ExtendWith(RealServices.class)
class AccountViewProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaEndpoint kafka;
    private static PostgresDatabase database;
    private static EventTopic topic;
    private static EmbeddedServer server;

    @BeforeAll
    static void start(KafkaEndpoint broker, PostgresDatabase db) throws Exception {
        kafka = broker;
        database = db;
        topic = new EventTopic(broker);
        server = startService();
    }

    private static EmbeddedServer startService() {
        return ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, database));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    private static CloudEvent opened(String account, String currency) {
        return CloudEvent.of(UUID.randomUUID().toString(), 0, T0, new AccountOpened(AccountId.of(account), "owner",
                AccountType.CUSTOMER, CurrencyCode.of(currency), 1, T0));
    }

    private static CloudEvent deposited(String account, long sequence, long amount, String currency) {
        return CloudEvent.of(UUID.randomUUID().toString(), sequence, T0, new FundsDeposited(AccountId.of(account),
                "dep-" + sequence, Money.of(amount, currency), PaymentMethod.BANK_TRANSFER,
                PaymentMethod.BANK_TRANSFER.fundingAccount(CurrencyCode.of(currency)), null, T0.plusSeconds(sequence)));
    }

    private static JsonNode account(String id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/v1/accounts/" + id))
                .header("Authorization", TestKeys.adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static long balanceOf(String id) throws Exception {
        JsonNode view = account(id);
        return view == null ? Long.MIN_VALUE : view.at("/balance/amount").asLong();
    }

    @Test
    void I1_conservation_a_deposit_shows_on_the_account_and_mirrored_on_its_funding_account() throws Exception {
        String id = "acc-view-" + UUID.randomUUID();
        long fundingBefore = account("sys-funding-bank-transfer-gbp") == null ? 0 : balanceOf("sys-funding-bank-transfer-gbp");
        topic.publish(opened(id, "GBP"), deposited(id, 1, 1250, "GBP"));

        await().atMost(Duration.ofSeconds(30)).until(() -> balanceOf(id) == 1250);
        JsonNode view = account(id);
        assertThat(view.at("/available/amount").asLong()).isEqualTo(1250);
        assertThat(view.at("/held/amount").asLong()).isZero();
        assertThat(view.get("currency").asText()).isEqualTo("GBP");
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("version").asLong()).isEqualTo(1);
        assertThat(balanceOf("sys-funding-bank-transfer-gbp")).isEqualTo(fundingBefore - 1250);
    }

    @Test
    void a_redelivered_event_is_counted_once() throws Exception {
        String id = "acc-dup-" + UUID.randomUUID();
        CloudEvent deposit = deposited(id, 1, 700, "EUR");
        topic.publish(opened(id, "EUR"), deposit, deposit, deposited(id, 2, 5, "EUR"));

        await().atMost(Duration.ofSeconds(30)).until(() -> account(id) != null && account(id).get("version").asLong() == 2);
        assertThat(balanceOf(id)).isEqualTo(705);
    }

    @Test
    void an_unreadable_record_is_dead_lettered_with_its_reason_and_consumption_continues() throws Exception {
        String id = "acc-poison-" + UUID.randomUUID();
        topic.publishRaw(id, "{not json".getBytes(StandardCharsets.UTF_8));
        topic.publish(opened(id, "EUR"), deposited(id, 1, 42, "EUR"));

        await().atMost(Duration.ofSeconds(30)).until(() -> balanceOf(id) == 42);
        ConsumerRecord<String, byte[]> dead = deadLetters(id, AccountViewProjector.GROUP).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead, DeadLetters.REASON)).startsWith("unreadable");
        assertThat(header(dead, DeadLetters.SOURCE)).startsWith(Topics.EVENTS + "-");
    }

    @Test
    void an_event_failing_on_its_own_is_retried_then_dead_lettered_and_the_rest_of_its_batch_is_applied()
            throws Exception {
        String poisoned = "acc-toolong-" + UUID.randomUUID();
        String healthy = "acc-healthy-" + UUID.randomUUID();
        CloudEvent tooLong = CloudEvent.of(UUID.randomUUID().toString(), 0, T0, new AccountOpened(AccountId.of(poisoned),
                "o".repeat(500), AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T0)); // owner_id holds 128
        topic.publish(opened(healthy, "EUR"), tooLong, deposited(healthy, 1, 77, "EUR"));

        await().atMost(Duration.ofSeconds(60)).until(() -> balanceOf(healthy) == 77);
        ConsumerRecord<String, byte[]> dead = deadLetters(poisoned, AccountViewProjector.GROUP).get(0);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("failed 3 times on its own");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains(tooLong.id());
        assertThat(account(poisoned)).isNull();
    }

    /** The dead letters of this key that the given consumer group wrote (each group dead-letters on its own). */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key, String consumer) {
        List<ConsumerRecord<String, byte[]>> mine = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mine.clear();
            PublishedEvents.all(kafka, Topics.deadLetterOf(Topics.EVENTS)).stream()
                    .filter(r -> key.equals(r.key()) && consumer.equals(header(r, DeadLetters.CONSUMER)))
                    .forEach(mine::add);
            return !mine.isEmpty();
        });
        return mine;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void after_a_restart_it_resumes_from_the_offsets_stored_with_its_rows() throws Exception {
        String id = "acc-restart-" + UUID.randomUUID();
        topic.publish(opened(id, "EUR"), deposited(id, 1, 100, "EUR"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balanceOf(id) == 100);

        server.getApplicationContext().close();
        topic.publish(deposited(id, 2, 10, "EUR"));
        server = startService();

        await().atMost(Duration.ofSeconds(30)).until(() -> balanceOf(id) == 110);
        assertThat(account(id).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void withdrawals_and_status_changes_show_on_the_view() throws Exception {
        String id = "acc-life-" + UUID.randomUUID();
        AccountId account = AccountId.of(id);
        topic.publish(opened(id, "EUR"), deposited(id, 1, 1_000, "EUR"),
                CloudEvent.of(UUID.randomUUID().toString(), 2, T0, new FundsWithdrawn(account, "wdr-1",
                        Money.of(400, "EUR"), PaymentMethod.CASH, AccountId.of("sys-funding-cash-eur"), null, T0)),
                CloudEvent.of(UUID.randomUUID().toString(), 3, T0, new AccountFrozen(account, "review", T0)));

        await().atMost(Duration.ofSeconds(30)).until(() -> account(id) != null && account(id).get("version").asLong() == 3);
        assertThat(balanceOf(id)).isEqualTo(600);
        assertThat(account(id).get("status").asText()).isEqualTo("FROZEN");
        assertThat(balanceOf("sys-funding-cash-eur")).isGreaterThanOrEqualTo(400);

        topic.publish(CloudEvent.of(UUID.randomUUID().toString(), 4, T0, new AccountUnfrozen(account, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(account(id).get("status").asText()));
    }

    @Test
    void an_unknown_account_is_a_404_problem() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/v1/accounts/nope"))
                .header("Authorization", TestKeys.adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("not_found");
    }
}
