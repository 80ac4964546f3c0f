package io.walletledger.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.e2e.ServiceProcess;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PublishedEvents;
import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.WebhookReceiver;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What must hold after a campaign, once the clients have their final answers: every account's
 * balance in projection-service is the one the clients' answers imply (an accepted operation
 * applied exactly once, a refused one not at all), the fees likewise; the auditor, replaying
 * the whole history from Kafka, finds no violation and no view that differs from the replayed
 * state; and every event of a merchant that its endpoint subscribed to reached it at least once,
 * all deliveries of one event under one webhook-id.
 */
final class Verification {

    static final List<String> WEBHOOK_TYPES = List.of("payment.captured", "payment.refunded",
            "account.payment_credited", "account.refund_debited", "account.funds_deposited");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> failures = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    List<String> failures() {
        return failures;
    }

    List<String> lines() {
        return lines;
    }

    void balances(Wallets wallets, URI projections) {
        Map<String, Long> expected = new TreeMap<>();
        wallets.expected.forEach((account, amount) -> expected.put(account, amount.get()));
        expected.put("sys-fee-revenue-eur", wallets.fees.get());
        Map<String, Long> actual = new HashMap<>();
        try {
            await("every balance as the clients' answers imply").atMost(SETTLE).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        for (String account : expected.keySet()) {
                            actual.put(account, balance(projections, account));
                        }
                        return actual.equals(expected);
                    });
        } catch (ConditionTimeoutException e) {
            expected.forEach((account, amount) -> {
                if (!amount.equals(actual.get(account))) {
                    failures.add("balance of " + account + ": expected " + amount + ", projection-service shows "
                            + actual.get(account));
                }
            });
        }
        lines.add("balances checked: " + expected.size() + " accounts (fees " + wallets.fees.get() + ")");
    }

    private long balance(URI projections, String account) throws IOException, InterruptedException {
        HttpResponse<String> view = http.send(HttpRequest.newBuilder(projections.resolve("/v1/accounts/" + account))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        if (view.statusCode() != 200) {
            throw new IllegalStateException(account + ": " + view.statusCode());
        }
        return JSON.readTree(view.body()).path("balance").path("amount").asLong();
    }

    /** Runs the auditor (projection-service's {@code audit} command, as {@code deploy/local/audit.sh} does). */
    void audit(String bootstrapServers, URI projections, Path report) throws IOException, InterruptedException {
        Path jar = ServiceProcess.packaged("projection-service", "projection-service");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path output = report.resolveSibling(report.getFileName() + ".out");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-jar", jar.toString(), "audit", "--quiet",
                "--bootstrap-servers", bootstrapServers, "--projection-url", projections.toString(),
                "--report", report.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("LEDGER_API_KEY", TestKeys.ADMIN);
        Process audit = builder.start();
        if (!audit.waitFor(5, TimeUnit.MINUTES)) {
            audit.destroyForcibly();
            failures.add("the audit did not finish in 5 minutes");
            return;
        }
        String summary = Files.readString(output).lines()  // the JVM's and Kafka clients' warnings stay in the file
                .filter(line -> !line.startsWith("WARNING:") && !line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d+ WARN .*"))
                .collect(Collectors.joining("\n"));
        lines.add("audit (exit " + audit.exitValue() + "):\n" + summary.strip().indent(4).stripTrailing());
        if (audit.exitValue() != 0) {
            failures.add("the audit failed (exit " + audit.exitValue() + "); see " + output);
        }
    }

    /** Every subscribed event of every merchant delivered at least once, under one webhook-id. */
    void webhooks(String bootstrapServers, Map<String, String> hookPathByMerchant, WebhookReceiver receiver) {
        Map<String, String> expected = new HashMap<>(); // event id -> its merchant's hook path
        AtomicLong records = new AtomicLong();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record
                : PublishedEvents.all(new KafkaEndpoint(bootstrapServers, "faults"), Topics.EVENTS,
                        java.time.Duration.ofMinutes(5))) { // the long campaign's history: hundreds of thousands
            records.incrementAndGet();
            JsonNode event = read(record.value());
            String id = event.path("id").asText();
            seen.add(id);
            String type = event.path("type").asText();
            String merchant = type.startsWith("payment.") ? event.path("data").path("merchantAccountId").asText()
                    : event.path("subject").asText();
            if (WEBHOOK_TYPES.contains(type) && hookPathByMerchant.containsKey(merchant)) {
                expected.put(id, hookPathByMerchant.get(merchant));
            }
        }
        lines.add("events on " + Topics.EVENTS + ": " + records.get() + " records, " + seen.size() + " distinct ids ("
                + (records.get() - seen.size()) + " published again after a crash, which consumers skip)");
        Map<String, Set<String>> webhookIds = new HashMap<>();
        try {
            await("every subscribed event delivered").atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                webhookIds.clear();
                for (String path : new HashSet<>(hookPathByMerchant.values())) {
                    for (WebhookReceiver.Received r : receiver.at(path)) {
                        webhookIds.computeIfAbsent(read(r.body().getBytes()).path("id").asText(), k -> new HashSet<>())
                                .add(r.header("webhook-id"));
                    }
                }
                return webhookIds.keySet().containsAll(expected.keySet());
            });
        } catch (ConditionTimeoutException e) {
            long missing = expected.keySet().stream().filter(id -> !webhookIds.containsKey(id)).count();
            failures.add(missing + " of " + expected.size() + " subscribed events never delivered, e.g. "
                    + expected.keySet().stream().filter(id -> !webhookIds.containsKey(id)).limit(3).toList());
        }
        long deliveries = hookPathByMerchant.values().stream().distinct().mapToLong(p -> receiver.at(p).size()).sum();
        webhookIds.forEach((event, ids) -> {
            if (ids.size() != 1) {
                failures.add("event " + event + " delivered under " + ids.size() + " webhook-ids: " + ids);
            }
        });
        lines.add("webhooks: " + expected.size() + " subscribed events, " + deliveries + " deliveries ("
                + (deliveries - webhookIds.size()) + " again after a fault), every event under one webhook-id");
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event or webhook body", e);
        }
    }
}
