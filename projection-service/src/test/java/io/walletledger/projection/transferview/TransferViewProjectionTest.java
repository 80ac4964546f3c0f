package io.walletledger.projection.transferview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferFailure;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(RealServices.class)
class TransferViewProjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static EmbeddedServer server;
    private static EventTopic topic;

    @BeforeAll
    static void start(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        topic = new EventTopic(kafka);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    private static CloudEvent event(long sequence, io.walletledger.envelope.LedgerEvent data) {
        return CloudEvent.of(UUID.randomUUID().toString(), sequence, T0, data);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + path))
                .header("Authorization", TestKeys.adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    @Test
    void the_credit_leg_may_arrive_before_the_debit_leg_and_the_transfer_still_ends_completed() throws Exception {
        AccountId alice = AccountId.of("a-" + UUID.randomUUID());
        AccountId bob = AccountId.of("b-" + UUID.randomUUID());
        String transfer = "trf-" + UUID.randomUUID();
        topic.publish(event(0, new AccountOpened(bob, "bob", AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T0)),
                event(1, new TransferCredited(bob, transfer, Money.of(300, "EUR"), alice, T0.plusSeconds(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/transfers/" + transfer) != null);
        assertThat(get("/v1/transfers/" + transfer).get("status").asText()).isEqualTo("COMPLETED");

        topic.publish(event(0, new AccountOpened(alice, "alice", AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T0)),
                event(1, new FundsDeposited(alice, "d", Money.of(1_000, "EUR"), PaymentMethod.CARD,
                        AccountId.of("sys-funding-card-eur"), null, T0)),
                event(2, new TransferDebited(alice, transfer, Money.of(300, "EUR"), bob, "rent", T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/accounts/" + alice) != null
                && get("/v1/accounts/" + alice).get("version").asLong() == 2);

        JsonNode view = get("/v1/transfers/" + transfer);
        assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.get("description").asText()).isEqualTo("rent");
        assertThat(view.at("/amount/amount").asLong()).isEqualTo(300);
        assertThat(get("/v1/accounts/" + alice).at("/balance/amount").asLong()).isEqualTo(700);
        assertThat(get("/v1/accounts/" + bob).at("/balance/amount").asLong()).isEqualTo(300);
    }

    @Test
    void a_reversed_transfer_shows_its_reason_and_the_money_back_on_the_source() throws Exception {
        AccountId alice = AccountId.of("a-" + UUID.randomUUID());
        String transfer = "trf-" + UUID.randomUUID();
        topic.publish(event(0, new AccountOpened(alice, "alice", AccountType.CUSTOMER, CurrencyCode.of("EUR"), 1, T0)),
                event(1, new FundsDeposited(alice, "d", Money.of(500, "EUR"), PaymentMethod.CARD,
                        AccountId.of("sys-funding-card-eur"), null, T0)),
                event(2, new TransferDebited(alice, transfer, Money.of(200, "EUR"), AccountId.of("gone"), null, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/v1/transfers/" + transfer) != null);
        assertThat(get("/v1/transfers/" + transfer).get("status").asText()).isEqualTo("PENDING");
        assertThat(get("/v1/accounts/" + alice).at("/balance/amount").asLong()).isEqualTo(300);

        topic.publish(event(3, new TransferDebitReversed(alice, transfer, Money.of(200, "EUR"),
                TransferFailure.DESTINATION_NOT_FOUND, T0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REVERSED".equals(get("/v1/transfers/" + transfer).get("status").asText()));
        assertThat(get("/v1/transfers/" + transfer).get("failureReason").asText()).isEqualTo("DESTINATION_NOT_FOUND");
        assertThat(get("/v1/accounts/" + alice).at("/balance/amount").asLong()).isEqualTo(500);
    }
}
