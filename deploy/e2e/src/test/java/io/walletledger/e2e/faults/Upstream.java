package io.walletledger.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An upstream service as it should be written: every operation gets a fresh Idempotency-Key, and
 * the same request with the same key is sent again, on any command-service instance, until an
 * answer is final: a success, or a refusal by the ledger's rules. Connection failures, timeouts,
 * {@code 5xx}, {@code 429}, {@code 503} and the idempotency conflicts that record nothing
 * ({@code idempotency_key_in_use}, {@code concurrent_modification}) are retried after a pause
 * (the {@code Retry-After} if given), for at most {@link #GIVE_UP_AFTER}.
 */
final class Upstream {

    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RETRIED_CONFLICTS = Set.of("idempotency_key_in_use", "concurrent_modification");

    /** A final answer, after {@code attempts} sends. */
    record Answer(int status, JsonNode body, int attempts) {
        boolean accepted() {
            return status / 100 == 2;
        }

        String code() {
            return body.path("code").asText("");
        }

        String id() {
            return body.path("id").asText();
        }
    }

    /** What every upstream of a campaign did, for the report. */
    static final class Tally {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong unresolved = new AtomicLong();
        final ConcurrentHashMap<String, AtomicLong> rejectedByCode = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AtomicLong> retriedBecause = new ConcurrentHashMap<>();

        void count(ConcurrentHashMap<String, AtomicLong> counts, String key) {
            counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<List<URI>> instances;
    private final String apiKey;
    private final Tally tally;

    Upstream(Supplier<List<URI>> instances, String apiKey, Tally tally) {
        this.instances = instances;
        this.apiKey = apiKey;
        this.tally = tally;
    }

    /** Sends a command until its answer is final; an answer that never comes is a failure of the campaign. */
    Answer send(String path, String body) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        tally.sent.incrementAndGet();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            List<URI> targets = instances.get();
            URI target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            long pauseMs;
            String reason;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.resolve(path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = parse(response.body());
                int status = response.statusCode();
                String code = json.path("code").asText("");
                boolean retried = status >= 500 || status == 429 || RETRIED_CONFLICTS.contains(code);
                if (!retried) {
                    if (status / 100 == 2) {
                        tally.accepted.incrementAndGet();
                    } else {
                        tally.rejected.incrementAndGet();
                        tally.count(tally.rejectedByCode, status + " " + code);
                    }
                    return new Answer(status, json, attempts);
                }
                reason = status + " " + code;
                pauseMs = response.headers().firstValue("Retry-After").map(s -> Long.parseLong(s.trim()) * 1000)
                        .orElse(backoff(attempts));
            } catch (IOException e) {
                reason = e.getClass().getSimpleName();
                pauseMs = backoff(attempts);
            }
            tally.retries.incrementAndGet();
            tally.count(tally.retriedBecause, reason);
            if (System.nanoTime() > deadline) {
                tally.unresolved.incrementAndGet();
                throw new IllegalStateException("no final answer to POST " + path + " with key " + key + " after "
                        + attempts + " attempts in " + GIVE_UP_AFTER + " (last: " + reason + ")");
            }
            Thread.sleep(pauseMs);
        }
    }

    private static long backoff(int attempts) {
        long cap = Math.min(2_000, 50L << Math.min(attempts, 6));
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
