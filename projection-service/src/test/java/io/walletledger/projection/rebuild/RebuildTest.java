package io.walletledger.projection.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.projection.History;
import io.walletledger.projection.TestApiKeys;
import io.walletledger.servicekit.security.Role;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.KafkaEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rebuild replays the topic into fresh tables and switches over: the rebuilt state equals the live state. */
@ExtendWith(RealServices.class)
class RebuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T = Instant.parse("2026-11-21T08:00:00Z");
    private static final int PAYMENTS = Integer.getInteger("ledger.rebuild.test.payments", 150);

    private static EventTopic topic;
    private static EmbeddedServer server;
    private static KafkaEndpoint kafka;

    @BeforeAll
    static void start(KafkaEndpoint broker, PostgresDatabase db) throws Exception {
        kafka = broker;
        topic = new EventTopic(broker);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(broker, db));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Authorization", TestKeys.adminBearer()).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    @Test
    void the_rebuilt_read_models_equal_the_live_ones_and_consumption_resumes_after_the_switch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String shop = "rb-shop-" + run;
        History h = new History().open(shop, AccountType.MERCHANT, T);
        List<String> payers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String payer = "rb-payer-" + run + "-" + i;
            payers.add(payer);
            h.open(payer, AccountType.CUSTOMER, T).deposit(payer, 1_000_000, T);
        }
        for (int i = 0; i < PAYMENTS; i++) {
            String payer = payers.get(i % payers.size());
            String pay = "rb-pay-" + run + "-" + i;
            Instant at = T.plusSeconds(i * 97L);
            h.walletPayment(pay, shop, payer, 1000 + i, 10 + i % 7, at);
            if (i == PAYMENTS / 2) {
                // an event the account view cannot apply (owner_id holds 128): live dead-letters it, the rebuild
                // skips it for that read model alone and applies every other event of its poll
                h.add(new AccountOpened(AccountId.of("rb-bad-" + run), "o".repeat(500), AccountType.CUSTOMER,
                        CurrencyCode.of("EUR"), 1, at));
            }
            if (i % 10 == 0) {
                h.walletRefund(pay, shop, payer, 100, 100, false, at.plusSeconds(30));
            }
            if (i % 25 == 0) {
                h.transfer("rb-t-" + run + "-" + i, payer, payers.get((i + 1) % payers.size()), 50, at.plusSeconds(40));
            }
        }
        h.cardPayment("rb-card-" + run, shop, "card-" + run, 4321, 43, T.plusSeconds(5));
        topic.publish(h.events().toArray(CloudEvent[]::new));
        String lastPay = "rb-pay-" + run + "-" + (PAYMENTS - 1);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode payment = get("/v1/payments/" + lastPay);
            return payment != null && payment.at("/fee/amount").asLong() > 0 && CaughtUp.check(server, kafka);
        });
        DataSource dataSource = server.getApplicationContext().getBean(DataSource.class);
        Map<String, List<String>> live = Snapshot.of(dataSource);

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        int status = RebuildCli.run(new String[]{"rebuild", "--url", server.getURL().toString(),
                        "--api-key", TestKeys.ADMIN},
                new PrintStream(terminal, true, StandardCharsets.UTF_8));
        String output = terminal.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("events/s").contains("switched over");

        Map<String, List<String>> rebuilt = Snapshot.of(dataSource);
        assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isNotEmpty().containsExactlyElementsOf(live.get(table));
        }

        long before = get("/v1/accounts/" + payers.get(0)).at("/balance/amount").asLong();
        int mark = h.size();
        h.deposit(payers.get(0), 77, T.plusSeconds(999_999));
        topic.publish(h.since(mark).toArray(CloudEvent[]::new));
        await().atMost(Duration.ofSeconds(90)).until(() ->
                get("/v1/accounts/" + payers.get(0)).at("/balance/amount").asLong() == before + 77);
    }

    @Test
    void the_rebuild_command_reports_a_missing_or_refused_key_with_exit_status_2() {
        String url = server.getURL().toString();
        String auditor = TestApiKeys.of(server.getApplicationContext()).mint(Role.AUDITOR, null, List.of()).plaintext();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);

        assertThat(RebuildCli.run(new String[]{"rebuild", "--url", url}, Map.of(), out)).isEqualTo(2);
        assertThat(RebuildCli.run(new String[]{"rebuild", "--url", url}, Map.of("LEDGER_ADMIN_KEY", "wl_test_nonsense"),
                out)).isEqualTo(2);
        assertThat(RebuildCli.run(new String[]{"rebuild", "--url", url, "--api-key", auditor}, Map.of(), out))
                .isEqualTo(2);
        assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("no API key", "LEDGER_API_KEY",
                "HTTP 401 invalid_api_key", "HTTP 403 forbidden", "needs an ADMIN key");
    }

    /**
     * Rows of every read model, as sorted strings. SYSTEM accounts are fed from every partition, so the
     * order of their postings depends on how polls interleave partitions: their lines are compared
     * without line numbers and running balances, their views by balance and held.
     */
    static final class Snapshot {

        static Map<String, List<String>> of(DataSource dataSource) throws Exception {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                return Map.of(
                        "account_view (customers, merchants)", rows(s, "SELECT * FROM account_view WHERE type <> 'SYSTEM'"),
                        "account_view (system)", rows(s, "SELECT account_id, balance, held FROM account_view WHERE type = 'SYSTEM'"),
                        "account_posting (customers, merchants)", rows(s, "SELECT p.* FROM account_posting p JOIN account_view v"
                                + " ON v.account_id = p.account_id WHERE v.type <> 'SYSTEM'"),
                        "account_posting (system)", rows(s, "SELECT p.account_id, p.event_id, p.type, p.amount FROM account_posting p"
                                + " JOIN account_view v ON v.account_id = p.account_id WHERE v.type = 'SYSTEM'"),
                        "payment_view", rows(s, "SELECT * FROM payment_view"),
                        "payment_timeline", rows(s, "SELECT * FROM payment_timeline"),
                        "sales_entry", rows(s, "SELECT * FROM sales_entry"),
                        "sales_payment", rows(s, "SELECT * FROM sales_payment"),
                        "transfer_view", rows(s, "SELECT * FROM transfer_view"),
                        "applied_version", rows(s, "SELECT * FROM applied_version"));
            }
        }

        private static List<String> rows(Statement statement, String sql) throws Exception {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(meta.getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            Collections.sort(rows);
            return rows;
        }
    }
}
