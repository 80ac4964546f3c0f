package io.walletledger.command.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.servicekit.http.IdempotencyKey;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A command on {@code ledger.commands.v1}: {@code commandId} (the idempotency key), {@code type},
 * {@code payload} (the HTTP body), {@code issuer}, {@code issuedAt}. A record that is not one of these
 * goes to the dead-letter topic with the reason.
 */
record CommandEnvelope(String commandId, CommandType type, JsonNode payload, String issuer, Instant issuedAt) {

    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    static CommandEnvelope parse(ObjectMapper json, byte[] value) throws Unreadable {
        JsonNode node;
        try {
            node = value == null ? null : json.readTree(value);
        } catch (IOException e) {
            throw new Unreadable("not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        String commandId = text(node, "commandId");
        if (!IdempotencyKey.isValid(commandId)) {
            throw new Unreadable("commandId must be " + IdempotencyKey.RULE);
        }
        String typeName = text(node, "type");
        CommandType type = CommandType.of(typeName).orElseThrow(() -> new Unreadable("unknown command type '" + typeName + "'"));
        JsonNode payload = node.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new Unreadable("payload must be a JSON object");
        }
        String issuer = text(node, "issuer");
        Instant issuedAt;
        try {
            issuedAt = Instant.parse(text(node, "issuedAt"));
        } catch (DateTimeParseException e) {
            throw new Unreadable("issuedAt must be an ISO-8601 instant");
        }
        return new CommandEnvelope(commandId, type, payload, issuer, issuedAt);
    }

    private static String text(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new Unreadable("'" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }
}
