package io.walletledger.e2e.fuzz;

import io.walletledger.e2e.fuzz.Template.Field;
import io.walletledger.e2e.fuzz.Template.Kind;
import io.walletledger.e2e.fuzz.Template.Param;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values the contract refuses, by what a field or parameter is (docs/api.md). Each list holds only
 * values that are invalid there: "-0" is no bad basis point, an empty optional parameter means "absent",
 * an unknown but well-formed transfer destination is accepted (and reversed later), so none is listed.
 */
final class BadValues {

    private static final Pattern JSON_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private BadValues() {
    }

    /** Raw JSON of another type than the field's (null only where the field is required). */
    static List<String> wrongTypes(Field f) {
        List<String> values = new ArrayList<>();
        switch (f.kind()) {
            case ID, DESTINATION_ID, CURRENCY, ENUM, TEXT, URL ->
                    values.addAll(List.of("123", "-1", "0", "1.5", "true", "false", "[]", "[\"x\"]", "{}", "{\"a\":\"b\"}"));
            case AMOUNT, INT -> values.addAll(List.of("\"100\"", "\"1e3\"", "\"NaN\"", "\"Infinity\"", "\"\"", "true",
                    "false", "[]", "[100]", "{}", "{\"amount\":100}"));
            case BOOL -> values.addAll(List.of("\"true\"", "\"false\"", "1", "0", "\"yes\"", "[]", "{}", "[true]"));
            case TEXT_LIST -> values.addAll(List.of("\"" + first(f) + "\"", "{}", "1", "true", "[1]", "[true]",
                    "[null]", "[[\"" + first(f) + "\"]]", "[{}]", "[\"" + first(f) + "\",7]"));
            case OBJECT -> values.addAll(List.of("\"150\"", "1", "true", "[]", "[150,25]"));
        }
        if (f.required()) {
            values.add("null");
        }
        return values;
    }

    private static String first(Field f) {
        return f.values().isEmpty() ? "x" : f.values().get(0);
    }

    /** Numbers out of the field's range, fractions, exponents, beyond 64 bits. */
    static List<String> badNumbers(Field f) {
        long min = f.kind() == Kind.AMOUNT ? 1 : f.min();
        long max = f.kind() == Kind.AMOUNT ? MAX_AMOUNT : f.max();
        List<String> candidates = new ArrayList<>(List.of("0", "-1", "-100", "-0", Long.toString(MAX_AMOUNT + 1),
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "18446744073709551616", "1.5", "100.0", "0.0", "-0.0", "1e3", "1E+2", "1e-7", "1e400", "-1e400",
                "123456789012345678901234567890123456789012345", "0.0000000000000000000000001", "2147483648",
                "-2147483649", "4294967296"));
        if (min > Long.MIN_VALUE) {
            candidates.add(Long.toString(min - 1));
        }
        if (max < Long.MAX_VALUE) {
            candidates.add(Long.toString(max + 1));
        }
        return candidates.stream().filter(v -> !withinRange(v, min, max)).distinct().toList();
    }

    private static boolean withinRange(String raw, long min, long max) {
        if (!JSON_INTEGER.matcher(raw).matches()) {
            return false;
        }
        try {
            long value = Long.parseLong(raw);
            return value >= min && value <= max;
        } catch (NumberFormatException beyondLong) {
            return false;
        }
    }

    /** Lengths beyond the field's maximum (in UTF-16 units, as the services count). */
    static List<Integer> tooLong(Field f) {
        int max = switch (f.kind()) {
            case TEXT, URL -> (int) f.max();
            case ID, DESTINATION_ID -> 64;
            case TEXT_LIST -> 64;
            default -> 16;
        };
        return List.of(max + 1, max + 7, Math.max(300, max * 2), 16_385);
    }

    /** Characters no id, enum value or currency holds; spliced into the valid value. */
    static final List<String> STRANGE = List.of("\u202E", "\u200F", "\u0000", "\u0001", "\u001B[31m", "\u007F", "\u200B",
            "\uFEFF", "\uD83D\uDE00", "e\u0301", "\uFF25\uFF35\uFF32", "\u0421", "\u0131", "\u2028", "\uFFFF", "\uFFFD",
            " ", "\t", "/", "\\", "%", "'", "\"", "<script>", "${jndi:x}", "\n");

    /** JSON string escapes no stored text should hold: NUL and surrogates without their pair. */
    static final List<String> UNSTORABLE_ESCAPES = List.of("\\u0000", "\\ud800", "\\udfff", "\\udc00\\ud800",
            "\\ud83d", "a\\u0000b");

    /** Bytes that are not UTF-8: a lone continuation, an overlong '/', an encoded surrogate, a cut sequence. */
    static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFE, (byte) 0xFF});

    /** Wrong values of the right type for enums and currencies (never an allowed one). */
    static List<String> badEnumValues(Field f) {
        if (f.kind() == Kind.CURRENCY) {
            return List.of("eur", "EURO", "EU", "XAU", "XXX", "XTS", "ZZZ", "E1R", "", "   ", "€", "EUR ", " EUR");
        }
        List<String> values = new ArrayList<>(List.of("", "   ", "SYSTEM", "UNKNOWN", "null", "0"));
        for (String allowed : f.values()) {
            values.add(allowed.toLowerCase(java.util.Locale.ROOT));
            values.add(allowed + "_");
            values.add(" " + allowed);
        }
        values.removeIf(f.values()::contains);
        return values;
    }

    /** Strings that are no account id of the ledger ([A-Za-z0-9_.:-], 1 to 64). */
    static final List<String> BAD_IDS = List.of("", "   ", "acc 1", "acc/1", "../acc", "acc?x=1", "acc#1", "acc%00",
            "acc\u0000", "ácc", "acc\u202E", "'; DROP TABLE account_view; --", "{\"$ne\":null}", "*");

    /** Grants a SERVICE key may not have, and event types that are not in the catalog. */
    static List<String> badListItems(Field f) {
        if (f.values().contains("payments:read")) {
            return List.of("keys:manage", "projections:rebuild", "webhooks:manage", "sales:read", "metrics:read",
                    "payments:*", "PAYMENTS:READ", "payments:read ", "", "admin");
        }
        return List.of("payment.nope", "PAYMENT.CAPTURED", "payment.*", "*", "", " payment.captured",
                "payment.captured\u0000", "account.opened.v2", "payment_captured");
    }

    static List<String> badUrls(String valid) {
        return List.of("", "not a url", "ftp://127.0.0.1/x", "file:///etc/passwd", "javascript:alert(1)", "//127.0.0.1/x",
                "http://", "http://user:pw@127.0.0.1/x", valid + "#frag", "http://[::1", "http://127.0.0.1:99999/x",
                "http://127.0.0.1/\u0000", "http://127.0.0.1/a b", valid + "\n", "gopher://127.0.0.1:70/_x",
                "http://" + "a".repeat(2100) + ".example");
    }

    /** Invalid query values, already URL-encoded. */
    static List<String> badParamValues(Param p) {
        List<String> raw = switch (p.kind()) {
            case INT -> {
                List<String> values = new ArrayList<>(List.of("abc", "1.5", "1e2", "99999999999999999999",
                        "-99999999999999999999", " 1", "1 ", "0x10", "NaN", "\u0000", "5\u0000", "Infinity", "1,2"));
                values.add(Long.toString(p.min() - 1));
                values.add(Long.toString(p.max() + 1));
                yield values;
            }
            case TIME -> List.of("2026-13-01", "2026-02-30", "2026-00-10", "2026-1-1", "26-01-01",
                    "2026-01-01T00:00:00", "2026-01-01T25:00:00Z", "2026-01-01T10:00:00+25:00", "yesterday", "now",
                    "1e10", "1764000000", "+999999999-12-31", "-999999999-01-01", "2026-01-01T10:00:00Z\u0000",
                    "\u202E2026-01-01", "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0661", "2026-01-01 ", " 2026-01-01",
                    "2026-W01-1", "2026-001", "P1D", "2026-01-01T10:00Z[Mars/Olympus]", "9".repeat(300));
            case ZONE -> List.of("Mars/Olympus", "Europe/Pariss", "europe/paris", "UTC+99", "+25:00", "GMT+24",
                    "../../etc/passwd", "Europe/../..", "\u0000", "Z\u0000", "\u202EUTC", "\uD83D\uDE00", "Etc/GMT+15",
                    "A".repeat(3000), " UTC", "UTC ", "UTC,Europe/Paris");
            case GRANULARITY -> List.of("WEEK", "MINUTE", "H", "HOURS", "HOUR\u0000", "\u202EDAY",
                    "\uFF24\uFF21\uFF39", "DAYS", "1", "DAY,HOUR", " DAY", "D");
            case STATEMENT_CURSOR -> List.of("abc", "!!!", b64("line:"), b64("line:-1"), b64("line:x"),
                    b64("line:99999999999999999999"), b64("pos:1"), "\u0000", "A".repeat(2000), "bGluZTox===", "=");
            case DELIVERY_CURSOR -> List.of("abc", "1.5", "99999999999999999999", "\u0000", "1e3", "0x1", " 1", "1,2");
            case DELIVERY_STATUS -> List.of("NOPE", "SUCCEEDED\u0000", "DEADD", "\u202EDEAD", "1", "PENDING,DEAD",
                    " PENDING", "FAILED");
            case EVENT_TYPES -> List.of("payment.nope", "payment.captured,nope", "PAYMENT.CAPTURED", "payment.*",
                    "\u0000", "payment.captured\u0000", "payment.captured,,bogus");
            case EVENT_ID -> List.of("-1", "abc", "1.5", "99999999999999999999", "1e3", "0x10", "\u0000", " 1", "1,2");
        };
        return raw.stream().map(BadValues::encode).toList();
    }

    /** Consistency tokens that break the format (aggregate@sequence, comma separated, at most 32 aggregates). */
    static List<String> badTokens() {
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            tooMany.append(i == 0 ? "" : ",").append("acc_").append(i).append("@1");
        }
        return List.of("abc", "acc_x", "acc_x@", "@5", "acc_x@-1", "acc_x@1.5", "acc_x@99999999999999999999",
                "acc_x@1e3", "acc_x@abc", ",", "acc_x@1,", ",acc_x@1", "acc_x@1,,acc_y@2", tooMany.toString(),
                "acc_x@0x10", "acc_x@ 1", "acc_x@\u0000");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
