package io.walletledger.e2e.fuzz;

import io.walletledger.e2e.fuzz.Mutations.Mutation;
import io.walletledger.e2e.fuzz.Template.Field;
import io.walletledger.e2e.fuzz.Template.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** Mutations of a JSON body: its fields' values, its shape, its syntax, its size, its encoding. */
final class BodyMutations {

    private static final int BODY_LIMIT = 65_536;

    private BodyMutations() {
    }

    static List<Arbitrary<Mutation>> of(Template t) {
        List<Arbitrary<Mutation>> families = new ArrayList<>();
        if (!t.hasBody()) {
            return families;
        }
        List<Field> fields = t.fields();
        if (!fields.isEmpty()) {
            families.add(Arbitraries.of(fields).flatMap(f -> Arbitraries.of(BadValues.wrongTypes(f))
                    .map(v -> new Mutation("wrong-type", f.path() + "=" + v, d -> d.rawValue(f.path(), v)))));
            families.add(badNumbers(fields).orElse(null));
            families.add(hugeStrings(t).orElse(null));
            families.add(unicode(t).orElse(null));
            families.add(badStringValues(t).orElse(null));
        }
        List<Field> required = fields.stream().filter(Field::required).toList();
        if (!required.isEmpty()) {
            families.add(Arbitraries.of(required)
                    .map(f -> new Mutation("missing-field", f.path(), d -> d.removeField(f.path()))));
        }
        if (t.strictFields()) {
            families.add(unknownField());
        }
        families.add(deepNesting(t));
        families.add(malformed(t));
        families.add(duplicateKey(t));
        families.add(Arbitraries.of("[]", "[{}]", "\"text\"", "123", "true", "null", "\"{\\\"a\\\":1}\"", "[null]")
                .map(body -> new Mutation("not-an-object", body, d -> d.body(body))));
        if (t.bodyMode() == Template.BodyMode.REQUIRED) {
            families.add(Arbitraries.of("", "   ", "\r\n", "\t")
                    .map(body -> new Mutation("empty-body", "'" + body.length() + " blanks'", d -> d.body(body))));
        }
        families.add(Arbitraries.of(" x", "{}", "]", "}", ",", " // c", "\u0000", " {\"amount\":5}", "null", "[]", " 1")
                .map(tail -> new Mutation("trailing-content", tail, d -> d.bodyFromText(d.bodyText()
                        + new String(tail.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))));
        families.add(boundarySizes(t));
        families.removeIf(java.util.Objects::isNull);
        return families;
    }

    private static Optional<Arbitrary<Mutation>> badNumbers(List<Field> fields) {
        List<Field> numbers = fields.stream().filter(Field::isNumber).toList();
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arbitraries.of(numbers).flatMap(f -> Arbitraries.of(BadValues.badNumbers(f))
                .map(v -> new Mutation("bad-number", f.path() + "=" + v, d -> d.rawValue(f.path(), v)))));
    }

    private static Optional<Arbitrary<Mutation>> hugeStrings(Template t) {
        List<Field> strings = t.fields().stream().filter(f -> f.isString() || f.kind() == Kind.TEXT_LIST).toList();
        if (strings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arbitraries.of(strings).flatMap(f -> Arbitraries.of(BadValues.tooLong(f))
                .flatMap(length -> Arbitraries.of("a", "\uD83D\uDE00", "\u00E9").map(unit -> {
                    int repeat = unit.length() == 2 ? length / 2 + 1 : length;
                    String value = "\"" + unit.repeat(repeat) + "\"";
                    String json = f.kind() == Kind.TEXT_LIST ? "[" + value + "]" : value;
                    return new Mutation("huge-string", f.path() + " " + length + "x'" + unit + "'",
                            d -> d.rawValue(f.path(), json));
                }))));
    }

    /** Strange characters spliced into ids, enums and currencies; NUL and lone surrogates into any text. */
    private static Optional<Arbitrary<Mutation>> unicode(Template t) {
        List<Field> strings = t.fields().stream().filter(f -> f.isString() || f.kind() == Kind.TEXT_LIST).toList();
        if (strings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arbitraries.of(strings).flatMap(f -> {
            String valid = validText(t, f);
            boolean structured = f.kind() == Kind.ID || f.kind() == Kind.DESTINATION_ID || f.kind() == Kind.ENUM
                    || f.kind() == Kind.CURRENCY;
            Arbitrary<Mutation> escapes = Arbitraries.of(BadValues.UNSTORABLE_ESCAPES).flatMap(esc ->
                    Arbitraries.integers().between(0, valid.length()).map(at -> {
                        String json = quoteEscaped(valid.substring(0, at), esc, valid.substring(at));
                        String raw = f.kind() == Kind.TEXT_LIST ? "[" + json + "]" : json;
                        return new Mutation("unicode", f.path() + " escape " + esc, d -> d.rawValue(f.path(), raw));
                    }));
            if (!structured) {
                return escapes;
            }
            Arbitrary<Mutation> strange = Arbitraries.of(BadValues.STRANGE).flatMap(s ->
                    Arbitraries.integers().between(0, valid.length()).map(at -> {
                        String spliced = valid.substring(0, at) + s + valid.substring(at);
                        return new Mutation("unicode", f.path() + " + U+" + codepoints(s),
                                d -> d.rawValue(f.path(), Mutations.jsonString(spliced)));
                    }));
            Arbitrary<Mutation> bytes = Arbitraries.of(BadValues.NOT_UTF8).map(b -> new Mutation("unicode",
                    f.path() + " + bytes " + java.util.HexFormat.of().formatHex(b), d -> {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        raw.writeBytes(("\"" + valid).getBytes(StandardCharsets.UTF_8));
                        raw.writeBytes(b);
                        raw.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
                        d.rawValue(f.path(), raw.toByteArray());
                    }));
            return Arbitraries.oneOf(escapes, strange, bytes);
        }));
    }

    /** Enum values, currencies, ids, URLs and list items of the right type that the contract refuses. */
    private static Optional<Arbitrary<Mutation>> badStringValues(Template t) {
        List<Arbitrary<Mutation>> options = new ArrayList<>();
        for (Field f : t.fields()) {
            List<String> values = switch (f.kind()) {
                case ENUM, CURRENCY -> BadValues.badEnumValues(f);
                case ID, DESTINATION_ID -> BadValues.BAD_IDS;
                case URL -> BadValues.badUrls(validText(t, f));
                case TEXT -> List.of("", " ", "   ", "\t\n");
                case TEXT_LIST -> BadValues.badListItems(f).stream().map(item -> "[" + Mutations.jsonString(item) + "]")
                        .toList();
                default -> List.of();
            };
            if (values.isEmpty()) {
                continue;
            }
            boolean raw = f.kind() == Kind.TEXT_LIST;
            options.add(Arbitraries.of(values).map(v -> new Mutation("bad-value", f.path() + "=" + v,
                    d -> d.rawValue(f.path(), raw ? v : Mutations.jsonString(v)))));
            if (f.kind() == Kind.TEXT_LIST) {
                options.add(Arbitraries.just(new Mutation("bad-value", f.path() + " too many items",
                        d -> d.rawValue(f.path(), tooManyItems(f)))));
                options.add(Arbitraries.just(new Mutation("bad-value", f.path() + "=[]", d -> d.rawValue(f.path(), "[]"))));
            }
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(Arbitraries.oneOf(options));
    }

    private static String tooManyItems(Field f) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= f.max(); i++) {
            items.add(Mutations.jsonString(f.values().get(i % f.values().size())));
        }
        // one item more than allowed, each a valid one (duplicates are removed, but they count)
        return "[" + String.join(",", items) + "]";
    }

    private static Arbitrary<Mutation> unknownField() {
        return Arbitraries.of("fuzz", "Role", "role ", "", "\\u0000", "__proto__", "constructor", "r\u00f4le",
                "x".repeat(1000), "url\\u200b").flatMap(name -> Arbitraries.of("1", "\"x\"", "null", "{}", "[]", "true")
                .map(value -> new Mutation("unknown-field", name.length() > 20 ? name.length() + " chars" : name,
                        d -> d.bodyFromText(insertMember(d.bodyText(), "\"" + name + "\":" + value)))));
    }

    private static Arbitrary<Mutation> deepNesting(Template t) {
        Arbitrary<Integer> depth = Arbitraries.of(33, 100, 1_000, 10_000);
        Arbitrary<Mutation> whole = depth.flatMap(n -> Arbitraries.of("arrays", "objects", "unclosed").map(shape ->
                new Mutation("deep-nesting", "body " + shape + " x" + n, d -> d.body(nested(shape, n)))));
        List<String> targets = new ArrayList<>(t.fields().stream().map(Field::path).toList());
        targets.add("fuzzNested");
        Arbitrary<Mutation> field = Arbitraries.of(targets).flatMap(path -> depth.flatMap(n ->
                Arbitraries.of("arrays", "objects").map(shape -> new Mutation("deep-nesting", path + " " + shape + " x" + n,
                        d -> {
                            if (d.json == null) {
                                d.json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                            }
                            d.rawValue(path, nested(shape, n));
                        }))));
        return Arbitraries.oneOf(whole, field);
    }

    private static String nested(String shape, int depth) {
        return switch (shape) {
            case "arrays" -> "[".repeat(depth) + "]".repeat(depth);
            case "objects" -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "[".repeat(depth);
        };
    }

    private static Arbitrary<Mutation> malformed(Template t) {
        List<Mutation> edits = new ArrayList<>(List.of(
                edit("no closing brace", s -> s.substring(0, s.lastIndexOf('}'))),
                edit("single quotes", s -> s.replace('"', '\'')),
                edit("colon as =", s -> s.replaceFirst(":", "=")),
                edit("trailing comma", s -> s.substring(0, s.lastIndexOf('}')) + ",}"),
                edit("leading garbage", s -> "x" + s),
                edit("xssi prefix", s -> ")]}'\n" + s),
                edit("comment", s -> "/*c*/" + s),
                edit("line comment", s -> "// c\n" + s),
                edit("unquoted key", s -> s.replaceFirst("\\{\"([^\"]+)\"", "{$1").replace("{}", "{a:1}")),
                edit("missing comma", s -> s.contains(",\"") ? s.replaceFirst(",\"", " \"") : "{\"a\":1 \"b\":2}"),
                edit("empty members", s -> "{,}"),
                edit("lone quote", s -> s.replaceFirst("\"", "")),
                edit("raw binary", s -> "\u0089PNG\r\n\u001a\n\u0000\u0000"),
                edit("utf-16", s -> utf16(s))));
        for (String token : List.of("NaN", "Infinity", "-Infinity", "01", "+1", ".5", "0x10", "1.", "True", "nil",
                "undefined", "'x'", "\"\\x41\"", "\"\\u12\"", "\"\\q\"", "\"abc", "\"a\tb\"", "\"a\u0001b\"",
                "\"a\nb\"", "[1,]", "{\"a\"}", "1 2")) {
            edits.add(new Mutation("malformed-json", "value " + token, d -> {
                String path = t.fields().isEmpty() ? "fuzzValue" : t.fields().get(0).path();
                if (d.json == null) {
                    d.json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                }
                d.rawValue(path, token);
            }));
        }
        Arbitrary<Mutation> truncated = Arbitraries.integers().between(1, 10_000).map(cut -> new Mutation(
                "malformed-json", "truncated", d -> {
                    String s = d.bodyText().isEmpty() ? "{}" : d.bodyText();
                    d.bodyFromText(s.substring(0, 1 + cut % (s.length() - 1)));
                }));
        return Arbitraries.oneOf(Arbitraries.of(edits), truncated);
    }

    /** A syntax error made by {@code change}; where it changes nothing ("{}" has no quote), a broken body instead. */
    private static Mutation edit(String what, java.util.function.UnaryOperator<String> change) {
        return new Mutation("malformed-json", what, d -> {
            String body = d.bodyText().isEmpty() ? "{}" : d.bodyText();
            String broken = change.apply(body);
            d.bodyFromText(broken.equals(body) ? "{'fuzz':1}" : broken);
        });
    }

    private static String utf16(String latin1) {
        byte[] utf16 = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_16);
        return new String(utf16, StandardCharsets.ISO_8859_1);
    }

    /** {"amount":1,"amount":2} and its variants: the same name twice must be refused, never last-wins. */
    private static Arbitrary<Mutation> duplicateKey(Template t) {
        List<Field> fields = t.fields().stream().filter(f -> t.body() != null && present(t, f)).toList();
        Arbitrary<Mutation> extra = Arbitraries.of("1", "2", "\"x\"", "null").map(v -> new Mutation("duplicate-key",
                "fuzz twice", d -> d.bodyFromText(insertMember(insertMember(d.bodyText(), "\"fuzz\":1"), "\"fuzz\":" + v))));
        if (fields.isEmpty()) {
            return extra;
        }
        Arbitrary<Mutation> known = Arbitraries.of(fields).flatMap(f -> Arbitraries.of("same", "other", "escaped", "null")
                .map(how -> new Mutation("duplicate-key", f.path() + " " + how, d -> {
                    String leaf = f.path().substring(f.path().lastIndexOf('.') + 1);
                    String name = how.equals("escaped") ? "\\u" + String.format("%04x", (int) leaf.charAt(0))
                            + leaf.substring(1) : leaf;
                    String value = switch (how) {
                        case "null" -> "null";
                        case "other" -> otherValue(t, f);
                        default -> Mutations.json(t.body().at("/" + f.path().replace('.', '/')));
                    };
                    String member = "\"" + name + "\":" + value;
                    String text = d.bodyText();
                    if (f.path().contains(".")) {
                        String parent = "\"" + f.path().substring(0, f.path().indexOf('.')) + "\":{";
                        d.bodyFromText(text.replace(parent, parent + member + ","));
                    } else {
                        d.bodyFromText(insertMember(text, member));
                    }
                })));
        return Arbitraries.oneOf(known, extra);
    }

    private static boolean present(Template t, Field f) {
        return !t.body().at("/" + f.path().replace('.', '/')).isMissingNode();
    }

    private static String otherValue(Template t, Field f) {
        return switch (f.kind()) {
            case AMOUNT, INT -> "2";
            case BOOL -> "false";
            case TEXT_LIST -> "[" + Mutations.jsonString(f.values().get(f.values().size() - 1)) + "]";
            case ENUM -> Mutations.jsonString(f.values().get(f.values().size() - 1));
            case OBJECT -> "{}";
            default -> "\"other\"";
        };
    }

    /** Bodies of exactly the limit (too long a string inside) and one byte over it, and compressed ones. */
    private static Arbitrary<Mutation> boundarySizes(Template t) {
        List<Field> texts = t.fields().stream().filter(f -> f.kind() == Kind.TEXT || f.kind() == Kind.ID).toList();
        String path = texts.isEmpty() ? "fuzzPadding" : texts.get(0).path();
        // within the limit only with a text field to fill: an unknown field's long string is not refused by the contract
        List<Integer> totals = texts.isEmpty() ? List.of(BODY_LIMIT + 1, 100_000, 1_000_000)
                : List.of(BODY_LIMIT - 1, BODY_LIMIT, BODY_LIMIT + 1, 100_000, 1_000_000);
        Arbitrary<Mutation> sized = Arbitraries.of(totals)
                .map(total -> new Mutation("body-size", total + " bytes", d -> {
                    if (d.json == null) {
                        d.json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                    }
                    d.rawValue(path, "\"\"");
                    int base = d.body().length;
                    d.rawValue(path, "\"" + "a".repeat(Math.max(0, total - base)) + "\"");
                }));
        Arbitrary<Mutation> gzipBomb = Arbitraries.of(200_000, 5_000_000).map(size -> new Mutation("content-encoding",
                "gzip bomb " + size, d -> {
                    if (d.json == null) {
                        d.json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                    }
                    d.rawValue(path, "\"" + "a".repeat(size) + "\"");
                    d.rawBody = gzip(d.body());
                    d.header("Content-Encoding", "gzip");
                }));
        Arbitrary<Mutation> notEncoded = Arbitraries.of("gzip", "deflate", "br", "zstd", "x-fuzz", "gzip, gzip",
                "compress").map(coding -> new Mutation("content-encoding", coding + " declared, plain body",
                d -> {
                    if (d.body() == null) {
                        d.body("{}");
                    }
                    d.header("Content-Encoding", coding);
                }));
        return Arbitraries.oneOf(sized, gzipBomb, notEncoded);
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Adds a member at the start of the top-level object (or makes one of a body that is none). */
    static String insertMember(String body, String member) {
        String latin1Member = new String(member.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        int brace = body.indexOf('{');
        if (brace < 0) {
            return "{" + latin1Member + "}";
        }
        boolean empty = body.substring(brace + 1).trim().startsWith("}");
        return body.substring(0, brace + 1) + latin1Member + (empty ? "" : ",") + body.substring(brace + 1);
    }

    private static String validText(Template t, Field f) {
        com.fasterxml.jackson.databind.JsonNode node = t.body() == null ? null : t.body().at("/" + f.path().replace('.', '/'));
        if (node == null || node.isMissingNode()) {
            return f.values().isEmpty() ? "x" : f.values().get(0);
        }
        return node.isArray() ? node.path(0).asText() : node.asText();
    }

    private static String quoteEscaped(String before, String escape, String after) {
        String a = Mutations.jsonString(before);
        String b = Mutations.jsonString(after);
        return a.substring(0, a.length() - 1) + escape + b.substring(1);
    }

    private static String codepoints(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(3).forEach(cp -> out.append(out.isEmpty() ? "" : "+").append(String.format("%04X", cp)));
        return out.toString();
    }
}
