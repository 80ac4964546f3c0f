package io.walletledger.projection.rebuild;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.projection.History;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rerunnable benchmark of the projections on PostgreSQL (or on an H2 file with
 * {@code -Dledger.bench.rebuild.db=h2}): a history of wallet payments, transfers and refunds among many
 * accounts is published while projection-service runs, and the time until all four read models stored the
 * topic's end gives the live catch-up rate; then a rebuild replays the whole topic into fresh tables (the
 * rebuild's own events/s). Asserts that every account of the history ends with the balance the history
 * implies; prints and writes (target/rebuild-benchmark.txt) the rates. Size it with
 * -Dledger.bench.rebuild.payments and -Dledger.bench.rebuild.customers (default: a smoke run).
 * See docs/performance.md.
 */
@ExtendWith(RealServices.class)
class RebuildBenchmarkTest {

    private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");
    private static final Pattern RATE = Pattern.compile("([0-9]+) events/s; switched over");

    @Test
    void measures_the_catch_up_and_rebuild_rates_of_the_read_models(KafkaEndpoint kafka, PostgresDatabase db)
            throws Exception {
        int payments = Integer.getInteger("ledger.bench.rebuild.payments", 300);
        int customers = Integer.getInteger("ledger.bench.rebuild.customers", 200);
        int merchants = Integer.getInteger("ledger.bench.rebuild.merchants", 20);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(11);
        Map<String, Long> expected = new HashMap<>();
        History h = new History();
        List<String> payers = new ArrayList<>();
        List<String> shops = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String payer = "bench-c-" + run + "-" + i;
            payers.add(payer);
            h.open(payer, AccountType.CUSTOMER, T).deposit(payer, 10_000_000, T);
            expected.put(payer, 10_000_000L);
        }
        for (int i = 0; i < merchants; i++) {
            String shop = "bench-m-" + run + "-" + i;
            shops.add(shop);
            h.open(shop, AccountType.MERCHANT, T);
            expected.put(shop, 0L);
        }
        for (int i = 0; i < payments; i++) {
            Instant at = T.plusSeconds(60L + i);
            String payer = payers.get(random.nextInt(customers));
            String shop = shops.get(random.nextInt(merchants));
            long amount = 100 + random.nextInt(5_000);
            long fee = amount / 50;
            String payment = "bench-p-" + run + "-" + i;
            h.walletPayment(payment, shop, payer, amount, fee, at);
            expected.merge(payer, -amount, Long::sum);
            expected.merge(shop, amount - fee, Long::sum);
            if (i % 10 == 0) {
                h.walletRefund(payment, shop, payer, amount / 2, amount / 2, false, at.plusMillis(500));
                expected.merge(payer, amount / 2, Long::sum);
                expected.merge(shop, -(amount / 2), Long::sum);
            }
            if (i % 4 == 0) {
                String to = payers.get(random.nextInt(customers));
                h.transfer("bench-t-" + run + "-" + i, payer, to, 50, at.plusMillis(700));
                expected.merge(payer, -50L, Long::sum);
                expected.merge(to, 50L, Long::sum);
            }
        }

        // -Dledger.bench.rebuild.db=h2: the same on an H2 file, the zero-install default of run.sh
        boolean h2 = "h2".equals(System.getProperty("ledger.bench.rebuild.db"));
        Map<String, Object> database = h2 ? Map.of("datasources.default.url", "jdbc:h2:file:./target/rebuild-bench-"
                        + run + ";DB_CLOSE_ON_EXIT=FALSE", "datasources.default.username", "sa",
                "datasources.default.password", "") : Map.of();
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(kafka, db, database));
        try (EventTopic topic = new EventTopic(kafka)) {
            await().atMost(Duration.ofMinutes(5)).until(() -> CaughtUp.check(server, kafka));
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>(h.size());
            for (CloudEvent event : h.events()) {
                sent.add(topic.send(event));
            }
            for (Future<?> send : sent) {
                send.get();
            }
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> CaughtUp.check(server, kafka));
            long catchUpNanos = System.nanoTime() - started;

            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            long rebuildStarted = System.nanoTime();
            int status = RebuildCli.run(new String[]{"rebuild", "--url", server.getURL().toString(),
                    "--api-key", TestKeys.ADMIN}, new PrintStream(terminal, true, StandardCharsets.UTF_8));
            long rebuildNanos = System.nanoTime() - rebuildStarted;
            String output = terminal.toString(StandardCharsets.UTF_8);
            assertThat(status).as(output).isZero();
            Matcher rate = RATE.matcher(output);
            assertThat(rate.find()).as(output).isTrue();

            assertThat(balances(server.getApplicationContext().getBean(DataSource.class), expected.keySet()))
                    .as("every account's balance after the rebuild, as the history implies")
                    .isEqualTo(expected);

            String summary = String.format("projections of %,d events (%,d payments, %,d customers, %,d merchants) on "
                            + "%s: live catch-up of the four read models %,d events/s (%,d ms); rebuild of the whole "
                            + "topic %,d events/s (%,d ms, switch-over included)",
                    h.size(), payments, customers, merchants, h2 ? "H2" : "PostgreSQL",
                    h.size() * 1_000_000_000L / catchUpNanos, catchUpNanos / 1_000_000, Long.parseLong(rate.group(1)),
                    rebuildNanos / 1_000_000);
            System.out.println(summary);
            Files.writeString(Path.of("target", "rebuild-benchmark.txt"), summary + System.lineSeparator());
        } finally {
            server.getApplicationContext().close();
        }
    }

    private static Map<String, Long> balances(DataSource dataSource, java.util.Set<String> accounts) throws Exception {
        Map<String, Long> found = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT account_id, balance FROM account_view")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (accounts.contains(rs.getString(1))) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return found;
    }
}
