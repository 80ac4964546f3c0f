package io.walletledger.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Encodes and decodes the CloudEvents 1.0 structured JSON form of ledger events. */
public final class EventEnvelopeCodec {

    private final ObjectMapper json;

    public EventEnvelopeCodec() {
        this(LedgerJson.newObjectMapper());
    }

    public EventEnvelopeCodec(ObjectMapper json) {
        this.json = json;
    }

    public byte[] encode(CloudEvent event) {
        try {
            return json.writeValueAsBytes(tree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.id(), e);
        }
    }

    /** An event as published: with its link in its aggregate's hash chain ({@link EventChain}). */
    public record Chained(byte[] bytes, String chainHash) {
    }

    public Chained encodeChained(CloudEvent event, String prevChainHash) {
        ObjectNode node = tree(event);
        String chainHash = EventChain.link(prevChainHash, EventChain.canonical(node));
        node.put(EventChain.PREV_CHAIN_HASH, prevChainHash);
        node.put(EventChain.CHAIN_HASH, chainHash);
        try {
            return new Chained(json.writeValueAsBytes(node), chainHash);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.id(), e);
        }
    }

    /** The chain hash this event would have after {@code prevChainHash} (recomputed from the event store). */
    public String chainHash(CloudEvent event, String prevChainHash) {
        return EventChain.link(prevChainHash, EventChain.canonical(tree(event)));
    }

    /**
     * A record read for an audit: the event, the chain attributes it carries (null when absent) and the
     * chain hash its content implies after the {@code prevchainhash} it carries.
     */
    public record Audited(CloudEvent event, String chainHash, String prevChainHash, String recomputedChainHash) {
    }

    public Audited decodeForAudit(byte[] bytes) {
        JsonNode node = parse(bytes);
        CloudEvent event = decode(node);
        String chain = node.path(EventChain.CHAIN_HASH).isTextual() ? node.get(EventChain.CHAIN_HASH).asText() : null;
        String previous = node.path(EventChain.PREV_CHAIN_HASH).isTextual()
                ? node.get(EventChain.PREV_CHAIN_HASH).asText() : null;
        ObjectNode object = (ObjectNode) node; // parsed here and not used again: stripped in place, no copy
        object.remove(EventChain.CHAIN_HASH);
        object.remove(EventChain.PREV_CHAIN_HASH);
        String recomputed = previous == null ? null : EventChain.link(previous, EventChain.canonical(object));
        return new Audited(event, chain, previous, recomputed);
    }

    private ObjectNode tree(CloudEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source());
        node.put("type", event.type());
        node.put("subject", event.subject());
        node.put("time", event.time().toString());
        node.put("datacontenttype", CloudEvent.CONTENT_TYPE);
        node.put("sequence", event.sequence());
        node.set("data", json.valueToTree(event.data()));
        return node;
    }

    public CloudEvent decode(byte[] bytes) {
        return decode(parse(bytes));
    }

    private JsonNode parse(byte[] bytes) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new UnreadableEvent("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableEvent("not a JSON object", null);
        }
        return node;
    }

    private CloudEvent decode(JsonNode node) {
        if (!CloudEvent.SPEC_VERSION.equals(text(node, "specversion"))) {
            throw new UnreadableEvent("unsupported CloudEvents specversion " + node.get("specversion"), null);
        }
        String type = text(node, "type");
        Class<? extends LedgerEvent> dataClass = EventCatalog.classOf(type)
                .orElseThrow(() -> new UnreadableEvent("unknown event type " + type, null));
        try {
            LedgerEvent data = json.treeToValue(node.required("data"), dataClass);
            return new CloudEvent(text(node, "id"), text(node, "source"), type, text(node, "subject"),
                    Instant.parse(text(node, "time")), node.required("sequence").asLong(), data);
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new UnreadableEvent("invalid " + type + " event: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UnreadableEvent("missing CloudEvents attribute '" + field + "'", null);
        }
        return value.asText();
    }
}
