package io.walletledger.envelope;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.account.AccountId;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentId;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.walletledger.envelope.EventSchemaGenerator.JSON;

/**
 * The schema of one event type's {@code data}, read off the event record's components the way Jackson
 * (LedgerJson's mapper) writes them. Records nested in an event (Money, FeeSchedule) go to {@code $defs}.
 * A component of a type it doesn't know fails the generation, so a new kind of field can't slip through
 * with a loose schema.
 */
final class EventDataSchema {

    static final String ID_PATTERN = "^[A-Za-z0-9_.:-]{1,64}$";

    /**
     * The fields that the domain leaves null in some events (docs/events.md: "or null"), as
     * {@code <type>.<field>}; every other field is always set. From the aggregates' and services' calls of the
     * event constructors: optional caller text, and the card or wallet side that a payment doesn't have.
     */
    static final Set<String> NULLABLE = Set.of(
            "account.funds_deposited.reference",
            "account.funds_withdrawn.reference",
            "account.frozen.reason",
            "transfer.debited.description",
            "account.payment_credited.cardFundingAccountId",
            "account.refund_debited.cardFundingAccountId",
            "account.refund_debited.payerAccountId",
            "payment.requested.description",
            "payment.authorized.payerAccountId",
            "payment.authorized.cardReference",
            "payment.captured.payerAccountId",
            "payment.canceled.payerAccountId",
            "payment.canceled.released",
            "payment.refunded.reason",
            "payment.expired.payerAccountId",
            "payment.expired.released");

    /** Inclusive bounds of integer fields, as {@code <Record>.<json field>}, from the records' own checks. */
    static final Map<String, long[]> BOUNDS = Map.of(
            // an event's money is never negative (docs/events.md#money), and at most 10^15 minor units (I9)
            "Money.amount", new long[] {0, Money.MAX_MINOR_UNITS},
            "FeeSchedule.basisPoints", new long[] {0, 10_000},
            "FeeSchedule.fixedMinorUnits", new long[] {0, Money.MAX_MINOR_UNITS});

    /** Value types written as a string of a fixed form (their {@code @JsonValue}), with that form. */
    static final Map<Class<?>, String> PATTERNS = Map.of(
            AccountId.class, ID_PATTERN,
            PaymentId.class, ID_PATTERN,
            CurrencyCode.class, "^[A-Z]{3}$");

    private final String type;
    private final ObjectNode definitions = JSON.createObjectNode();

    EventDataSchema(String type) {
        this.type = type;
    }

    /** The {@code $defs} that the schemas returned so far refer to. */
    ObjectNode definitions() {
        return definitions;
    }

    ObjectNode of(Class<? extends LedgerEvent> eventClass) {
        return objectSchema(eventClass, field -> NULLABLE.contains(type + "." + field));
    }

    private ObjectNode objectSchema(Class<?> record, Predicate<String> nullable) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ArrayNode required = schema.putArray("required");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            required.add(name);
            properties.set(name, fieldSchema(component.getType(), record.getSimpleName() + "." + name,
                    nullable.test(name)));
        }
        return schema;
    }

    private ObjectNode fieldSchema(Class<?> javaType, String field, boolean nullable) {
        if (javaType.isRecord() && !PATTERNS.containsKey(javaType)) {
            return reference(javaType, nullable);
        }
        if (javaType.isEnum()) {
            return enumSchema(javaType, nullable);
        }
        ObjectNode schema = JSON.createObjectNode();
        schema.set("type", typeKeyword(jsonType(javaType, field), nullable));
        if (javaType == Instant.class) {
            schema.put("format", "date-time");
        }
        if (PATTERNS.containsKey(javaType)) {
            schema.put("pattern", PATTERNS.get(javaType));
        }
        long[] bounds = BOUNDS.get(field);
        if (bounds != null) {
            schema.put("minimum", bounds[0]).put("maximum", bounds[1]);
        }
        return schema;
    }

    private static ObjectNode enumSchema(Class<?> enumType, boolean nullable) {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode values = schema.putArray("enum");
        for (Object constant : enumType.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        if (nullable) {
            values.addNull();
        }
        return schema;
    }

    /** A nested record, defined once under {@code $defs} by its lower-camel name ({@code money}). */
    private ObjectNode reference(Class<?> record, boolean nullable) {
        String name = Character.toLowerCase(record.getSimpleName().charAt(0)) + record.getSimpleName().substring(1);
        if (!definitions.has(name)) {
            definitions.set(name, objectSchema(record, field -> false));
        }
        ObjectNode ref = JSON.createObjectNode().put("$ref", "#/$defs/" + name);
        if (!nullable) {
            return ref;
        }
        ObjectNode either = JSON.createObjectNode();
        either.putArray("anyOf").add(ref).add(JSON.createObjectNode().put("type", "null"));
        return either;
    }

    private static String jsonType(Class<?> javaType, String field) {
        if (javaType == String.class || javaType == Instant.class || PATTERNS.containsKey(javaType)) {
            return "string";
        }
        if (javaType == int.class || javaType == long.class) {
            return "integer";
        }
        if (javaType == boolean.class) {
            return "boolean";
        }
        throw new IllegalArgumentException("no JSON Schema for " + javaType.getName() + " (" + field
                + "): teach EventDataSchema how Jackson writes it");
    }

    private static JsonNode typeKeyword(String jsonType, boolean nullable) {
        return nullable ? JSON.createArrayNode().add(jsonType).add("null") : JSON.getNodeFactory().textNode(jsonType);
    }

    /** Jackson's name for a record component: its {@code @JsonProperty} (Money's {@code amount}), else its own. */
    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }
}
