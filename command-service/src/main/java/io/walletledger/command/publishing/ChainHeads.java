package io.walletledger.command.publishing;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventChain;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.LedgerEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last chain hash of recently published aggregates. Chain hashes are a pure function of an
 * aggregate's stored events, so a missing or stale entry (after a restart, or for an aggregate not
 * seen for long) is recomputed from the event store, and a batch published twice gets the same hashes.
 */
final class ChainHeads {

    private static final int MAX_CACHED = 200_000;

    private record Head(long sequence, String chainHash) {
    }

    private final EventEnvelopeCodec codec;
    private final Map<String, Head> heads = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private volatile EventStore history;

    ChainHeads(EventEnvelopeCodec codec) {
        this.codec = codec;
    }

    void useHistory(EventStore eventStore) {
        this.history = eventStore;
    }

    /** The chain hash of the aggregate's event just before {@code sequence}. */
    synchronized String previous(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventChain.GENESIS;
        }
        Head head = heads.get(aggregateId);
        if (head != null && head.sequence() == sequence - 1) {
            return head.chainHash();
        }
        return recompute(aggregateId, sequence);
    }

    synchronized void advance(String aggregateId, long sequence, String chainHash) {
        heads.put(aggregateId, new Head(sequence, chainHash));
    }

    private String recompute(String aggregateId, long sequence) {
        if (history == null) {
            throw new IllegalStateException("event store not bound: cannot recompute the chain of " + aggregateId);
        }
        String chain = EventChain.GENESIS;
        long next = 0;
        DomainEventStream stream = history.readEvents(aggregateId, 0);
        while (stream.hasNext() && next < sequence) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() != next) {
                throw new IllegalStateException("gap in the stored stream of " + aggregateId + " at " + next);
            }
            chain = codec.chainHash(CloudEvent.of(message.getIdentifier(), message.getSequenceNumber(),
                    message.getTimestamp(), (LedgerEvent) message.getPayload()), chain);
            next++;
        }
        if (next != sequence) {
            throw new IllegalStateException("the stored stream of " + aggregateId + " ends before " + sequence);
        }
        return chain;
    }
}
