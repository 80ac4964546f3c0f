package io.walletledger.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.walletledger.account.AccountId;
import io.walletledger.account.FeeSchedule;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.PaymentId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated schemas accept every event type exactly as the codec publishes it (a sample of each, with its
 * nullable fields null and set), and refuse what the contract rules out.
 */
class EventSchemaGeneratorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:15:30.120981Z");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

    @Test
    void every_type_published_with_its_nullable_fields_null_or_set_conforms_to_its_schema() throws Exception {
        for (Map.Entry<String, Class<? extends LedgerEvent>> type : EventCatalog.all().entrySet()) {
            for (boolean nulls : new boolean[] {true, false}) {
                JsonNode published = published(sample(type.getKey(), type.getValue(), nulls));
                assertThat(errors(type.getKey(), published)).as(type.getKey() + " " + published).isEmpty();
            }
        }
    }

    @Test
    void every_nullable_field_names_a_field_of_a_catalog_type() {
        assertThat(EventDataSchema.NULLABLE).allSatisfy(entry -> {
            String type = entry.substring(0, entry.lastIndexOf('.'));
            String field = entry.substring(entry.lastIndexOf('.') + 1);
            assertThat(EventCatalog.classOf(type)).as(entry).hasValueSatisfying(eventClass -> assertThat(
                    Arrays.stream(eventClass.getRecordComponents()).map(RecordComponent::getName)).contains(field));
        });
    }

    @Test
    void a_schema_refuses_a_null_where_the_domain_never_has_one_a_string_amount_and_an_unknown_field()
            throws Exception {
        ObjectNode event = published(sample("account.funds_deposited", EventCatalog.classOf("account.funds_deposited")
                .orElseThrow(), false));
        ((ObjectNode) event.get("data")).putNull("method");
        ((ObjectNode) event.at("/data/amount")).put("amount", "1250");
        ((ObjectNode) event.get("data")).put("negative", false);
        event.put("chainhash", "NOT-A-HASH");

        assertThat(errors("account.funds_deposited", event)).extracting(Error::getInstanceLocation)
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("/data/method", "/data/amount/amount", "/data", "/chainhash");
    }

    private ObjectNode published(LedgerEvent data) throws IOException {
        byte[] bytes = codec.encodeChained(CloudEvent.of("0b6f3c1e-5a0e-4a57-9a37-3f0d2f1c9b21", 0, T0, data),
                EventChain.GENESIS).bytes();
        return (ObjectNode) EventSchemaGenerator.JSON.readTree(bytes);
    }

    private static List<Error> errors(String type, JsonNode event) {
        Schema schema = SCHEMAS.getSchema(
                EventSchemaGenerator.schemaOf(type, EventCatalog.classOf(type).orElseThrow()));
        return schema.validate(event, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    /** An event of the class with a plausible value in every field, its nullable ones null if {@code nulls}. */
    static LedgerEvent sample(String type, Class<? extends LedgerEvent> eventClass, boolean nulls) throws Exception {
        RecordComponent[] components = eventClass.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            boolean nullable = EventDataSchema.NULLABLE.contains(type + "." + components[i].getName());
            values[i] = nulls && nullable ? null : value(components[i].getType());
        }
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return eventClass.getDeclaredConstructor(parameterTypes).newInstance(values);
    }

    private static Object value(Class<?> javaType) {
        if (javaType.isEnum()) {
            Object[] constants = javaType.getEnumConstants();
            return constants[constants.length - 1];
        }
        return switch (javaType.getSimpleName()) {
            case "String" -> "text with \"quotes\", é and 😀";
            case "AccountId" -> AccountId.of("acc_5f2c0e9b7d414e2a9c3b1a6d8e0f4b21");
            case "PaymentId" -> PaymentId.of("pay_6e1a9c3f5b2d4a7e8c0f1b3d5a7e9c2b");
            case "CurrencyCode" -> CurrencyCode.of("BHD");
            case "Money" -> Money.of(Money.MAX_MINOR_UNITS, "JPY");
            case "FeeSchedule" -> new FeeSchedule(10_000, Money.MAX_MINOR_UNITS);
            case "Instant" -> T0;
            case "int" -> 3;
            case "long" -> 7L;
            case "boolean" -> true;
            default -> throw new IllegalArgumentException("no sample value of " + javaType.getName());
        };
    }
}
