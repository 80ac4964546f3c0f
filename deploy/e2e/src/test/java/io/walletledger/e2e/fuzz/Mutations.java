package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.e2e.fuzz.Template.Param;
import io.walletledger.e2e.fuzz.Template.ParamKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The campaign's generators: for one endpoint, every way the contract gives to make its valid request
 * invalid (one per request), over harmless decorations. The families that apply depend on what the
 * endpoint reads: a body, query parameters, Idempotency-Key, Consistency-Token, Last-Event-ID.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "FOO", "get", "PROPFIND");

    /** One change to a request; {@code family} is what the report counts. */
    record Mutation(String family, String detail, Consumer<Draft> apply) {
    }

    private Mutations() {
    }

    /**
     * Any one of the invalidating changes this endpoint admits, for a caller using this key. What the
     * endpoint itself reads (body, query, its headers) weighs three times what every path has in common
     * (its shape, its method, Accept, header syntax), and ids in the path twice.
     */
    static Arbitrary<Mutation> invalidating(Template t, boolean merchantKey) {
        List<Arbitrary<Mutation>> families = new ArrayList<>(BodyMutations.of(t));
        if (t.hasBody()) {
            families.add(contentType(t));
        }
        if (t.idempotency() != Template.Idempotency.IGNORED) {
            families.add(idempotencyKey(t));
        }
        if (t.consistencyToken()) {
            families.add(Arbitraries.of(BadValues.badTokens()).flatMap(token -> Arbitraries.of("header", "query")
                    .map(where -> new Mutation("consistency-token", where + " " + token, d -> {
                        if (where.equals("header")) {
                            d.header("Consistency-Token", token);
                        } else {
                            d.queryParam("consistencyToken", BadValues.encode(token));
                        }
                    }))));
        }
        if (t.lastEventId()) {
            families.add(Arbitraries.of("abc", "-1", "1.5", "99999999999999999999", "1e3", "0x10", "1 2", "1,2")
                    .map(id -> new Mutation("last-event-id", id, d -> d.header("Last-Event-ID", id))));
        }
        if (!t.params().isEmpty()) {
            families.add(queryParams(t));
        }
        if (t.params().stream().anyMatch(p -> p.name().equals("from"))) {
            families.add(Arbitraries.of(
                    new Mutation("query-param", "from after to", d -> {
                        d.queryParam("from", "2026-01-08");
                        d.queryParam("to", "2026-01-01");
                    }),
                    new Mutation("query-param", "from equals to", d -> d.queryParam("to", "2026-01-01")),
                    new Mutation("query-param", "too many buckets", d -> {
                        d.queryParam("from", "2000-01-01");
                        d.queryParam("granularity", "HOUR");
                    })));
        }
        if (merchantKey && !t.foreign().isEmpty()) {
            families.add(Arbitraries.of(t.foreign().entrySet()).map(e -> new Mutation("other-tenant", e.getKey(),
                    d -> foreign(d, e.getKey(), e.getValue()))));
        }
        List<Tuple.Tuple2<Integer, Arbitrary<? extends Mutation>>> weighted = new ArrayList<>();
        families.forEach(family -> weighted.add(Tuple.of(3, family)));
        if (!t.idSegments().isEmpty()) {
            weighted.add(Tuple.of(2, pathIds(t)));
        }
        List.of(pathShape(t), wrongMethod(t), badHeaders()).forEach(family -> weighted.add(Tuple.of(1, family)));
        if (t.produces() != null) {
            weighted.add(Tuple.of(1, accept(t)));
        }
        return Arbitraries.frequencyOf(weighted.toArray(Tuple.Tuple2[]::new));
    }

    /** Changes that keep a request as valid (or as invalid) as it was, so the refusal is tested on varied input. */
    static Arbitrary<List<Mutation>> decorations(Template t) {
        List<Mutation> options = new ArrayList<>(List.of(
                new Mutation("decoration", "harmless header", d -> d.addHeader("X-Fuzz-Case", "1")),
                new Mutation("decoration", "unknown query parameter", d -> d.query.add(new String[] {"fuzz", "1"}))));
        if (t.body() != null && !t.strictFields()) {
            options.add(new Mutation("decoration", "unknown field",
                    d -> d.json.put("fuzzIgnored", "\u2615 caf\u00e9")));
        }
        if (t.body() != null) {
            options.add(new Mutation("decoration", "reordered fields", d -> {
                List<String> names = new ArrayList<>();
                d.json.fieldNames().forEachRemaining(names::add);
                java.util.Collections.reverse(names);
                com.fasterxml.jackson.databind.node.ObjectNode reordered = JSON.createObjectNode();
                names.forEach(n -> reordered.set(n, d.json.get(n)));
                d.json = reordered;
            }));
            t.fields().stream().filter(f -> f.kind() == Template.Kind.TEXT && !f.path().contains(".") && f.max() >= 16)
                    .findFirst().ifPresent(f -> options.add(new Mutation("decoration", "unicode text",
                            d -> d.json.put(f.path(), "\u2615 caf\u00e9 \u202Eevil\u202C \uD83D\uDE00"))));
        }
        return Arbitraries.of(options).list().ofMaxSize(2).uniqueElements(Mutation::detail);
    }

    /** A valid request but for its key: none, malformed, unknown, revoked, of the other mode, two of them. */
    static Arbitrary<Mutation> badKey(String revokedKey) {
        String admin = io.walletledger.testkit.TestKeys.ADMIN;
        return Arbitraries.of(
                key("none", null), key("empty", ""), key("scheme only", "Bearer"), key("blank token", "Bearer   "),
                key("garbage", "Bearer garbage"), key("admin key + x", "Bearer " + admin + "x"),
                key("admin key cut", "Bearer " + admin.substring(0, admin.length() - 1)),
                key("other mode", "Bearer wl_live_" + admin.substring("wl_test_".length())),
                key("unknown well-formed", "Bearer wl_test_aaaaaaaaaaaaaaaa" + "b".repeat(52)),
                key("revoked", "Bearer " + revokedKey), key("basic not base64", "Basic !!!"),
                key("basic nobody", "Basic " + b64("nobody:")), key("basic empty", "Basic " + b64(":")),
                key("token scheme", "Token " + admin), key("digest scheme", "Digest username=\"x\""),
                key("huge", "Bearer " + "k".repeat(9_000)), key("non-ascii", "Bearer " + admin + "\u00e9"),
                key("control char", "Bearer " + admin + "\u0001"), key("nul", "Bearer \u0000" + admin),
                new Mutation("bad-key", "two keys", d -> {
                    d.header("Authorization", "Bearer " + admin);
                    d.addHeader("Authorization", "Bearer garbage");
                }),
                new Mutation("bad-key", "two keys, garbage first", d -> {
                    d.header("Authorization", "Bearer garbage");
                    d.addHeader("Authorization", "Bearer " + admin);
                }));
    }

    private static Mutation key(String what, String authorization) {
        return new Mutation("bad-key", what, d -> {
            d.removeHeader("Authorization");
            if (authorization != null) {
                d.headers.add(new Draft.Header("Authorization", authorization.getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    private static Arbitrary<Mutation> contentType(Template t) {
        return Arbitraries.of("none", "text/plain", "text/plain; charset=utf-8", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/problem+json",
                "application/json-patch+json", "text/json", "application/jsonp", "*/*", "application/*", "",
                "application", ";;;", "json", "application/json, text/plain", "two headers")
                .map(type -> new Mutation("content-type", type, d -> {
                    if (d.body() == null) {
                        d.body("{}");
                    }
                    d.removeHeader("Content-Type");
                    if (type.equals("two headers")) {
                        d.addHeader("Content-Type", "application/json");
                        d.addHeader("Content-Type", "text/plain");
                    } else if (!type.equals("none")) {
                        d.addHeader("Content-Type", type);
                    }
                }));
    }

    private static Arbitrary<Mutation> idempotencyKey(Template t) {
        List<Mutation> options = new ArrayList<>(List.of(
                idem("empty", new byte[0]), idem("blank", "   ".getBytes(StandardCharsets.US_ASCII)),
                idem("space inside", "fuzz key".getBytes(StandardCharsets.US_ASCII)),
                idem("tab", "fuzz\tkey".getBytes(StandardCharsets.US_ASCII)),
                idem("control char", "fuzz\u0001key".getBytes(StandardCharsets.US_ASCII)),
                idem("DEL", "fuzz\u007Fkey".getBytes(StandardCharsets.US_ASCII)),
                idem("NUL", "fuzz\u0000key".getBytes(StandardCharsets.US_ASCII)),
                idem("256 chars", "k".repeat(256).getBytes(StandardCharsets.US_ASCII)),
                idem("1000 chars", "k".repeat(1000).getBytes(StandardCharsets.US_ASCII)),
                idem("20000 chars", "k".repeat(20_000).getBytes(StandardCharsets.US_ASCII)),
                idem("non-ascii", "cl\u00e9".getBytes(StandardCharsets.UTF_8)),
                idem("not utf-8", new byte[] {'k', (byte) 0xFF}),
                idem("emoji", "\uD83D\uDD11".getBytes(StandardCharsets.UTF_8)),
                new Mutation("idempotency-key", "two headers", d -> {
                    d.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
                    d.addHeader("Idempotency-Key", java.util.UUID.randomUUID().toString());
                })));
        if (t.idempotency() == Template.Idempotency.REQUIRED) {
            options.add(new Mutation("idempotency-key", "missing", d -> d.removeHeader("Idempotency-Key")));
        }
        return Arbitraries.of(options);
    }

    private static Mutation idem(String what, byte[] value) {
        return new Mutation("idempotency-key", what, d -> d.header("Idempotency-Key", value));
    }

    private static Arbitrary<Mutation> accept(Template t) {
        List<String> refused = switch (t.produces()) {
            case "text/html" -> List.of("application/json", "text/csv", "image/png");
            case "text/csv" -> List.of("application/json", "text/html", "image/png");
            case "text/event-stream" -> List.of("application/json", "text/html", "image/png");
            default -> List.of("text/html", "application/xml", "image/png", "text/csv");
        };
        return Arbitraries.of(refused).map(type -> new Mutation("accept", type, d -> d.header("Accept", type)));
    }

    private static Arbitrary<Mutation> queryParams(Template t) {
        Arbitrary<Mutation> bad = Arbitraries.of(t.params()).flatMap(p -> Arbitraries.of(BadValues.badParamValues(p))
                .map(v -> new Mutation("query-param", p.name() + "=" + abbreviate(v), d -> d.queryParam(p.name(), v))));
        List<Param> single = t.params().stream()
                .filter(p -> p.kind() != ParamKind.EVENT_TYPES && p.valid() != null).toList();
        List<Arbitrary<Mutation>> options = new ArrayList<>(List.of(bad));
        if (!single.isEmpty()) {
            options.add(Arbitraries.of(single).map(p -> new Mutation("query-param", p.name() + " twice", d -> {
                d.queryParam(p.name(), p.valid());
                d.query.add(new String[] {p.name(), secondValue(p)});
            })));
        }
        List<Param> required = t.params().stream().filter(Param::required).toList();
        if (!required.isEmpty()) {
            options.add(Arbitraries.of(required).flatMap(p -> Arbitraries.of("absent", "empty").map(how ->
                    new Mutation("query-param", p.name() + " " + how, d -> {
                        d.query.removeIf(q -> q[0].equals(p.name()));
                        if (how.equals("empty")) {
                            d.query.add(new String[] {p.name(), ""});
                        }
                    }))));
        }
        return Arbitraries.oneOf(options);
    }

    private static String secondValue(Param p) {
        return switch (p.kind()) {
            case INT -> Long.toString(p.min());
            case TIME -> "2026-01-02";
            case ZONE -> "UTC";
            case GRANULARITY -> "HOUR";
            case DELIVERY_STATUS -> "DEAD";
            default -> "1";
        };
    }

    /** Ids that are no resource's: traversal, encoded separators and queries, bad encodings, overlong, unicode. */
    private static Arbitrary<Mutation> pathIds(Template t) {
        List<String> tricks = List.of("..", ".", "%2e%2e", "%2E", "..%2F..%2Fadmin", "%2F", "{id}%2F", "{id}%2Fx",
                "x%2F..%2F{id}", "{id}%00", "%00", "{id}%3Fx%3D1", "{id}%23frag", "{id}%26a%3D1", "{id}%3B", "%25",
                "%ZZ", "%", "{id}%", "%E2%80%AE{id}", "%F0%9F%98%80", "%ED%A0%80", "%C0%AF", "%FF", "\u00e9{id}",
                "a".repeat(300), "a".repeat(6000), "%20{id}", "{id}%20", "{id}%09", "null", "undefined", "0", "-1",
                "$(id)", "'%20OR%201=1--", "*", "{id}{id}", "%7Bid%7D", "{id}%0D%0AX-Injected:%201",
                "acc_00000000000000000000000000000000", "pay_00000000000000000000000000000000",
                "we_000000000000000000000000", "key_aaaaaaaaaaaaaaaa", "999999999", "9223372036854775808");
        return Arbitraries.of(List.copyOf(t.idSegments())).flatMap(index -> Arbitraries.of(tricks).map(trick ->
                new Mutation("path-id", abbreviate(trick), d -> {
                    String id = t.segments().get(index);
                    d.segments.set(index, trick.replace("{id}", id));
                })));
    }

    private static Arbitrary<Mutation> pathShape(Template t) {
        int last = t.segments().size() - 1;
        return Arbitraries.of(
                new Mutation("path-shape", "trailing slash", d -> d.pathSuffix = "/"),
                new Mutation("path-shape", "two trailing slashes", d -> d.pathSuffix = "//"),
                new Mutation("path-shape", "double slash", d -> d.segments.add(1, "")),
                new Mutation("path-shape", "leading double slash", d -> d.segments.add(0, "")),
                new Mutation("path-shape", "dot segment", d -> d.segments.add(1, ".")),
                new Mutation("path-shape", "dot-dot segment", d -> {
                    d.segments.add(1, "x");
                    d.segments.add(2, "..");
                }),
                new Mutation("path-shape", "upper case", d -> d.segments.set(0, t.segments().get(0).toUpperCase())),
                new Mutation("path-shape", "matrix parameter", d -> d.pathSuffix = ";x=1"),
                new Mutation("path-shape", "jsessionid", d -> d.pathSuffix = ";jsessionid=1"),
                new Mutation("path-shape", "extra segment", d -> d.pathSuffix = "/x"),
                new Mutation("path-shape", "encoded slash at the end", d -> d.pathSuffix = "%2F"),
                new Mutation("path-shape", "encoded query", d -> d.pathSuffix = "%3Fx=1"),
                new Mutation("path-shape", "backslash", d -> d.segments.set(last, "\\" + t.segments().get(last))),
                new Mutation("path-shape", "fragment", d -> d.pathSuffix = "#frag"),
                new Mutation("path-shape", "trailing dot", d -> d.pathSuffix = "."),
                new Mutation("path-shape", "trailing space", d -> d.pathSuffix = "%20"),
                new Mutation("path-shape", "NUL in a literal segment",
                        d -> d.segments.set(0, t.segments().get(0) + "%00")));
    }

    private static Arbitrary<Mutation> wrongMethod(Template t) {
        List<String> wrong = METHODS.stream().filter(m -> !t.methods().contains(m)).toList();
        return Arbitraries.of(wrong).map(m -> new Mutation("wrong-method", m, d -> d.method = m));
    }

    /** Header syntax no server should take: oversized lines, blanks and controls in names. */
    private static Arbitrary<Mutation> badHeaders() {
        return Arbitraries.of(
                new Mutation("bad-header", "20 KB value", d -> d.addHeader("X-Fuzz", "v".repeat(20_000))),
                new Mutation("bad-header", "300 headers", d -> {
                    for (int i = 0; i < 300; i++) {
                        d.addHeader("X-Fuzz-" + i, "v".repeat(60));
                    }
                }),
                new Mutation("bad-header", "space in name", d -> d.addHeader("X Fuzz", "1")),
                new Mutation("bad-header", "empty name", d -> d.addHeader("", "1")),
                new Mutation("bad-header", "control char in name", d -> d.addHeader("X-Fu\u0001zz", "1")),
                new Mutation("bad-header", "no colon", d -> d.headers.add(new Draft.Header("X-Fuzz-No-Colon", null))));
    }

    private static void foreign(Draft d, String where, String value) {
        if (where.startsWith("body:")) {
            d.json.put(where.substring(5), value);
        } else if (where.startsWith("path:")) {
            d.segments.set(Integer.parseInt(where.substring(5)), value);
        } else {
            d.queryParam(where.substring(6), value);
        }
    }

    static String jsonString(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
