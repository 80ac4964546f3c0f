package io.walletledger.servicekit.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.walletledger.account.AccountId;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.InvalidAmount;
import io.walletledger.money.Money;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request body read strictly: the type of every field is checked here and reported by name, so a
 * malformed request is a 400 problem, never a 500, and never reaches the domain. One JSON object and
 * nothing after it; no name twice; no text that PostgreSQL cannot store or UTF-8 cannot carry (NUL,
 * a surrogate without its pair): such a value, once in an event, would stop every read model of it.
 */
public final class JsonRequest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(40).maxStringLength(16_384).build());
    }

    private final JsonNode root;

    private JsonRequest(JsonNode root) {
        this.root = root;
    }

    public static JsonRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.validation("a JSON object body is required");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.validation("malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.validation("the body must be a JSON object");
        }
        return new JsonRequest(node);
    }

    /** The body with sorted keys and no insignificant whitespace: what an idempotency key is bound to. */
    public String canonical() {
        try {
            return STRICT.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonRequest parseOptional(String body) {
        return body == null || body.isBlank() ? new JsonRequest(STRICT.createObjectNode()) : parse(body);
    }

    /** The same body without one field (a path id carried in a Kafka command's payload). */
    public JsonRequest without(String field) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) root).deepCopy();
        copy.remove(field);
        return new JsonRequest(copy);
    }

    /** Reads a JSON object that was already parsed (the payload of a Kafka command envelope). */
    public static JsonRequest of(JsonNode object) {
        if (object == null || !object.isObject()) {
            throw ProblemException.validation("the payload must be a JSON object");
        }
        return new JsonRequest(object);
    }

    public boolean has(String field) {
        JsonNode value = root.get(field);
        return value != null && !value.isNull();
    }

    /** An optional nested object, read with the same strictness. */
    public JsonRequest optionalObject(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ProblemException.validation("'" + field + "' must be an object");
        }
        return new JsonRequest(value);
    }

    public long optionalLong(String field, long fallback, long min, long max) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw ProblemException.validation("'" + field + "' must be an integer from " + min + " to " + max);
        }
        return value.asLong();
    }

    public String requiredText(String field, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            throw ProblemException.validation("'" + field + "' is required");
        }
        return text(field, value, maxLength);
    }

    public String optionalText(String field, int maxLength) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : text(field, value, maxLength);
    }

    private static String text(String field, JsonNode value, int maxLength) {
        if (!value.isTextual()) {
            throw ProblemException.validation("'" + field + "' must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw ProblemException.validation("'" + field + "' must not be blank");
        }
        if (text.length() > maxLength) {
            throw ProblemException.validation("'" + field + "' must be at most " + maxLength + " characters");
        }
        if (!storable(text)) {
            throw ProblemException.validation("'" + field
                    + "' must not contain NUL (\\u0000) or a surrogate without its pair");
        }
        return text;
    }

    /** No NUL (PostgreSQL's text refuses it) and no lone surrogate (not a character: UTF-8 cannot encode it). */
    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** An optional JSON boolean (never a string "true"). */
    public Boolean optionalBoolean(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ProblemException.validation("'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    /** An optional array of 1 to {@code maxItems} non-blank strings, duplicates removed, in the given order. */
    public List<String> optionalTextList(String field, int maxItems, int maxLength) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > maxItems) {
            throw ProblemException.validation("'" + field + "' must be an array of 1 to " + maxItems + " strings");
        }
        Set<String> items = new LinkedHashSet<>();
        for (JsonNode item : value) {
            items.add(text(field + "[]", item, maxLength));
        }
        return List.copyOf(items);
    }

    public List<String> requiredTextList(String field, int maxItems, int maxLength) {
        List<String> items = optionalTextList(field, maxItems, maxLength);
        if (items == null) {
            throw ProblemException.validation("'" + field + "' is required");
        }
        return items;
    }

    /** Rejects any field not named here (an update that would silently ignore a typo). */
    public JsonRequest onlyFields(String... allowed) {
        Set<String> known = Set.of(allowed);
        root.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw ProblemException.validation("unknown field '" + name + "'; allowed: " + String.join(", ", allowed));
            }
        });
        return this;
    }

    public AccountId requiredAccountId(String field) {
        String text = requiredText(field, 64);
        try {
            return AccountId.of(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation("'" + field + "' is not a valid account id");
        }
    }

    public int optionalInt(String field, int fallback, int min, int max) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw ProblemException.validation("'" + field + "' must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    @SafeVarargs
    public final <E extends Enum<E>> E requiredEnum(String field, Class<E> type, E... allowed) {
        String text = requiredText(field, 64);
        for (E candidate : allowed) {
            if (candidate.name().equals(text)) {
                return candidate;
            }
        }
        throw ProblemException.validation("'" + field + "' must be one of " + Arrays.toString(allowed)
                + ", was '" + text + "'");
    }

    public CurrencyCode requiredCurrency(String field) {
        return CurrencyCode.of(requiredText(field, 16));
    }

    /** An amount in minor units: a JSON integer, positive, at most 10^15 (I9). */
    public Money requiredAmount(String amountField, String currencyField) {
        JsonNode value = root.get(amountField);
        if (value == null || value.isNull()) {
            throw ProblemException.validation("'" + amountField + "' is required");
        }
        CurrencyCode currency = requiredCurrency(currencyField);
        if (!value.isNumber()) {
            throw new InvalidAmount("'" + amountField + "' must be an integer count of minor units of " + currency);
        }
        if (!value.isIntegralNumber()) {
            throw new InvalidAmount("'" + amountField + "' must be an integer count of minor units of " + currency
                    + ", fractions are not allowed");
        }
        if (!value.canConvertToLong()) {
            throw new InvalidAmount("'" + amountField + "' is too large");
        }
        return new Money(value.asLong(), currency).requireValidMovement();
    }
}
