package io.walletledger.envelope;

import java.util.HashMap;
import java.util.Map;

/**
 * Encodes events in the order they are published, each linked to the previous event of its subject in
 * {@link EventChain}: for tools and tests that write histories without an event store (command-service's
 * publisher recomputes its links from the store instead).
 */
public final class ChainingEncoder {

    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final Map<String, String> heads = new HashMap<>();

    /** The record's bytes; sequence 0 starts a subject's chain, any later event follows the last one encoded. */
    public synchronized byte[] encode(CloudEvent event) {
        String previous = event.sequence() == 0 ? EventChain.GENESIS
                : heads.getOrDefault(event.subject(), EventChain.GENESIS);
        EventEnvelopeCodec.Chained chained = codec.encodeChained(event, previous);
        heads.put(event.subject(), chained.chainHash());
        return chained.bytes();
    }
}
