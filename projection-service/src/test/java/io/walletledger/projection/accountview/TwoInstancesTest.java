package io.walletledger.projection.accountview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of projection-service share one database and the account view's consumer group, each
 * applying its own partitions; every deposit, whatever its partition, also posts to the one funding
 * account. Its view must count every deposit once (I1): concurrent postings to a shared account
 * neither lose an update nor collide on a statement line (which used to fail batches until a record
 * was dead-lettered and its deposit missing from the views).
 */
@ExtendWith(RealServices.class)
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final String FUNDING = "sys-funding-bank-transfer-chf";

    @Test
    void I1_deposits_applied_by_two_instances_at_once_each_post_once_to_the_shared_funding_account(
            KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        try (EventTopic topic = new EventTopic(kafka);
             EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db));
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db))) {
            awaitBothInstancesAssigned(kafka);
            int accounts = 200;
            int depositsEach = 5;
            List<Future<?>> sent = new ArrayList<>();
            long total = 0;
            for (int a = 0; a < accounts; a++) {
                String id = "acc_twoinst" + UUID.randomUUID().toString().replace("-", "");
                sent.add(topic.send(CloudEvent.of(UUID.randomUUID().toString(), 0, T0, new AccountOpened(
                        AccountId.of(id), "owner", AccountType.CUSTOMER, CurrencyCode.of("CHF"), 1, T0))));
                for (int d = 1; d <= depositsEach; d++) {
                    long amount = 100L * d + a;
                    total += amount;
                    sent.add(topic.send(CloudEvent.of(UUID.randomUUID().toString(), d, T0, new FundsDeposited(
                            AccountId.of(id), "dep-" + d, Money.of(amount, "CHF"), PaymentMethod.BANK_TRANSFER,
                            PaymentMethod.BANK_TRANSFER.fundingAccount(CurrencyCode.of("CHF")), null, T0.plusSeconds(d)))));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
            long expected = -total;
            await("the funding account's view").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> balanceOf(first, FUNDING) == expected);
            assertThat(balanceOf(second, FUNDING)).isEqualTo(expected);
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet lines = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT event_id), MAX(line_no) "
                         + "FROM account_posting WHERE account_id = '" + FUNDING + "'")) {
                lines.next();
                assertThat(List.of(lines.getLong(1), lines.getLong(2), lines.getLong(3)))
                        .as("statement lines of the funding account: all, distinct events, last line number")
                        .containsExactly((long) accounts * depositsEach, (long) accounts * depositsEach,
                                (long) accounts * depositsEach);
            }
        }
    }

    private static void awaitBothInstancesAssigned(KafkaEndpoint kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await("two members of the account view's group, each with partitions").atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(AccountViewProjector.GROUP))
                                .all().get().get(AccountViewProjector.GROUP);
                        return group.members().size() == 2
                                && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
                    });
        }
    }

    private static long balanceOf(EmbeddedServer server, String account) throws Exception {
        JsonNode view = get(server, "/v1/accounts/" + account);
        return view == null ? Long.MIN_VALUE : view.at("/balance/amount").asLong();
    }

    private static JsonNode get(EmbeddedServer server, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", TestKeys.adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }
}
