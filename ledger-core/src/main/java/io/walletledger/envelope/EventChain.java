package io.walletledger.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tamper evidence: each aggregate's events form a hash chain, carried as the CloudEvents extension
 * attributes {@code prevchainhash} and {@code chainhash}. For the event at sequence n:
 * <pre>
 *   chainhash(n) = lowercase hex of SHA-256( ASCII(prevchainhash) || 0x0A || canonical(event) )
 *   prevchainhash(n) = chainhash(n - 1), and 64 zeros for sequence 0
 * </pre>
 * where canonical(event) is the event's CloudEvents JSON object without those two attributes, written
 * as UTF-8 with object keys sorted by code point at every depth and no whitespace. Anyone can
 * recompute it from the topic or from the event store (docs/events.md).
 */
public final class EventChain {

    public static final String CHAIN_HASH = "chainhash";
    public static final String PREV_CHAIN_HASH = "prevchainhash";
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private EventChain() {
    }

    /** The canonical bytes of an event object (its chain attributes, if any, left out). */
    public static byte[] canonical(ObjectNode event) {
        ObjectNode copy = event;
        if (event.has(CHAIN_HASH) || event.has(PREV_CHAIN_HASH)) {
            copy = event.deepCopy();
            copy.remove(CHAIN_HASH);
            copy.remove(PREV_CHAIN_HASH);
        }
        try {
            return CANONICAL.writeValueAsBytes(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical form", e);
        }
    }

    /** The chain hash of an event whose predecessor's chain hash is {@code previous}. */
    public static String link(String previous, byte[] canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            return HexFormat.of().formatHex(sha256.digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
