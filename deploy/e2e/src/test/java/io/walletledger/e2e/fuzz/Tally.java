package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Judges every answer and counts: a status below 500 and above 399 (every request is invalid, so no
 * success), and for every 4xx an RFC 9457 body ({@code application/problem+json}) with a {@code code}
 * and its {@code status}. Keeps the failures, and the counts the report prints.
 */
final class Tally {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern JSON_CODE = java.util.regex.Pattern.compile("\"code\":\"([a-z_]+)\"");

    private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> byEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byFamily = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byShare = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byCode = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    private final LongAdder sent = new LongAdder();

    void record(Campaign.Planned p, RawHttp.Response r, Exception error) {
        sent.increment();
        String status = r == null ? "none" : Integer.toString(r.status());
        byEndpoint.computeIfAbsent(p.endpoint(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder()).increment();
        byFamily.computeIfAbsent(p.invalidating().family(), k -> new LongAdder()).increment();
        byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        byShare.computeIfAbsent(p.share().name(), k -> new LongAdder()).increment();
        String problem = r == null ? "no HTTP response: " + error : judge(r);
        Mutations.Mutation m = p.invalidating();
        lines.add(String.join("\t", p.endpoint(), p.share().name(), m.family(), m.detail().replaceAll("\\s", " "), status,
                r == null ? "" : JSON_CODE.matcher(r.text()).results().map(x -> x.group(1)).findFirst().orElse(""),
                problem == null ? "ok" : "FAIL"));
        if (problem != null) {
            failures.add(problem + "\n    " + describe(p) + (r == null ? "" : "\n    answer: " + excerpt(r.body(), 300)));
        }
    }

    private String judge(RawHttp.Response r) {
        if (r.status() >= 500) {
            return r.status() + ": a server error";
        }
        if (r.status() < 400) {
            return r.status() + ": an invalid request was accepted" + (r.streaming() ? " (an event stream opened)" : "");
        }
        if (!r.contentType().startsWith("application/problem+json")) {
            return r.status() + ": Content-Type '" + r.contentType() + "', not application/problem+json";
        }
        try {
            JsonNode problem = JSON.readTree(r.body());
            String code = problem.path("code").asText("");
            if (code.isEmpty() || problem.path("status").asInt() != r.status()) {
                return r.status() + ": a problem without its code or status";
            }
            byCode.computeIfAbsent(r.status() + " " + code, k -> new LongAdder()).increment();
            return null;
        } catch (java.io.IOException e) {
            return r.status() + ": a problem+json body that is not JSON";
        }
    }

    static String describe(Campaign.Planned p) {
        StringBuilder out = new StringBuilder(p.endpoint()).append(" [").append(p.share()).append("] ");
        p.mutations().forEach(m -> out.append(m.family()).append(": ").append(m.detail()).append("; "));
        String wire = new String(p.wire(), StandardCharsets.ISO_8859_1);
        out.append("\n    request: ").append(excerpt(wire.getBytes(StandardCharsets.ISO_8859_1), 700));
        return out.toString();
    }

    private static String excerpt(byte[] bytes, int max) {
        String text = new String(bytes, 0, Math.min(bytes.length, max), StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out + (bytes.length > max ? "…(" + bytes.length + " bytes)" : "");
    }

    /** One line per request: endpoint, share, mutation family and detail, status, problem code, verdict. */
    void write(java.nio.file.Path file) throws java.io.IOException {
        List<String> sorted = new ArrayList<>(lines);
        java.util.Collections.sort(sorted);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, sorted);
    }

    long sent() {
        return sent.sum();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Map<String, Map<String, Long>> byEndpoint() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        byEndpoint.forEach((e, statuses) -> copy.put(e, sorted(statuses)));
        return copy;
    }

    String report(String seed, long millis, long refusalsRecorded) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nBad input campaign: seed %s, %d requests in %.1f s (%.0f/s), %d failures%n", seed,
                sent(), millis / 1000.0, sent() * 1000.0 / Math.max(1, millis), failures.size()));
        out.append("  replay: -Dfuzz.seed=").append(seed).append('\n');
        out.append("  by share: ").append(sorted(byShare)).append('\n');
        out.append("  by status: ").append(sorted(byStatus)).append('\n');
        out.append("  by problem code: ").append(sorted(byCode)).append('\n');
        out.append("  by mutation family: ").append(sorted(byFamily)).append('\n');
        out.append("  refusals recorded under an Idempotency-Key (by design, no events): ").append(refusalsRecorded)
                .append('\n');
        out.append("  by endpoint (requests: statuses):\n");
        byEndpoint().forEach((e, statuses) -> out.append(String.format("    %-75s %5d: %s%n", e,
                statuses.values().stream().mapToLong(Long::longValue).sum(), statuses)));
        return out.toString();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
