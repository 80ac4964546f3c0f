package io.walletledger.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of every type in {@link EventCatalog}: the whole CloudEvents record as
 * command-service publishes it on ledger.events.v1, with {@code data} derived from the event record by
 * reflection ({@link EventDataSchema}). The output is deterministic (files by type name, the envelope in published
 * order, data fields in declaration order), so docs/schemas/events is committed and
 * {@link EventSchemasUpToDateTest} keeps it in step with the types.
 */
final class EventSchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    static final String FILE_SUFFIX = ".schema.json";
    static final String HASH_PATTERN = "^[0-9a-f]{64}$";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(printer());

    private EventSchemaGenerator() {
    }

    /** File name (relative to docs/schemas/events) → content, for every catalog type. */
    static SortedMap<String, String> generate() {
        SortedMap<String, String> files = new TreeMap<>();
        EventCatalog.all().forEach((type, eventClass) ->
                files.put(type + FILE_SUFFIX, write(schemaOf(type, eventClass))));
        return files;
    }

    static ObjectNode schemaOf(String type, Class<? extends LedgerEvent> eventClass) {
        EventDataSchema data = new EventDataSchema(type);
        ObjectNode dataSchema = data.of(eventClass);
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", "urn:wallet-ledger:schema:events:" + type);
        schema.put("title", type + " event on " + Topics.EVENTS);
        schema.put("description", description(type, eventClass));
        schema.put("type", "object");
        ArrayNode required = schema.putArray("required");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        envelope(type, dataSchema).forEach((name, property) -> {
            required.add(name);
            properties.set(name, property);
        });
        if (!data.definitions().isEmpty()) {
            schema.set("$defs", data.definitions());
        }
        return schema;
    }

    private static String description(String type, Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        String record = eventClass.getName() + (revision == null ? "" : " (@Revision \"" + revision.value() + "\")");
        return "The `" + type + "` event as command-service publishes it on " + Topics.EVENTS
                + " (record key: `subject`): a CloudEvents 1.0 record in structured JSON mode. `data` is the"
                + " Java record " + record
                + ", written by LedgerJson's mapper; every field is written, `null` ones included. Field meanings:"
                + " docs/events.md#" + type.replace(".", "") + ". Generated from ledger-core's types by"
                + " EventSchemaGenerator: do not edit (docs/events.md#json-schemas).";
    }

    /** The attributes in the order the publisher writes them (EventEnvelopeCodec). */
    private static Map<String, ObjectNode> envelope(String type, ObjectNode data) {
        Map<String, ObjectNode> attributes = new LinkedHashMap<>();
        attributes.put("specversion", constant(CloudEvent.SPEC_VERSION));
        attributes.put("id", described(string().put("format", "uuid"),
                "The event's id in the event store; a redelivery of the same event has the same id."));
        attributes.put("source", constant(CloudEvent.SOURCE));
        attributes.put("type", constant(type));
        attributes.put("subject", described(string().put("pattern", EventDataSchema.ID_PATTERN),
                "The aggregate id (account or payment), the same as the record key."));
        attributes.put("time", described(string().put("format", "date-time"),
                "When the event was applied in the event store (ISO-8601, UTC)."));
        attributes.put("datacontenttype", constant(CloudEvent.CONTENT_TYPE));
        attributes.put("sequence", described(JSON.createObjectNode().put("type", "integer").put("minimum", 0),
                "The event's position in its aggregate's stream, from 0."));
        attributes.put("data", data);
        attributes.put(EventChain.PREV_CHAIN_HASH, described(string().put("pattern", HASH_PATTERN),
                "The chainhash of the aggregate's previous event; 64 zeros at sequence 0"
                        + " (docs/events.md#hash-chain-tamper-evidence)."));
        attributes.put(EventChain.CHAIN_HASH, described(string().put("pattern", HASH_PATTERN),
                "SHA-256 linking this event to prevchainhash (docs/events.md#definition)."));
        return attributes;
    }

    private static ObjectNode constant(String value) {
        return JSON.createObjectNode().put("const", value);
    }

    private static ObjectNode string() {
        return JSON.createObjectNode().put("type", "string");
    }

    private static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }

    static String write(ObjectNode schema) {
        try {
            return WRITER.writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schema", e);
        }
    }

    /** Two-space indent, one array item per line, {@code "key": value}, LF line ends on every platform. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
