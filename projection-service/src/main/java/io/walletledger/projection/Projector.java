package io.walletledger.projection;

import io.walletledger.servicekit.kafka.EventApplier;

/** A read model fed from {@code ledger.events.v1}; each has its own consumer group and offsets. */
public interface Projector extends EventApplier {

    String consumerGroup();

    /**
     * The applier one consumer feeds (its version guard wraps it). A projector that keeps the state of the
     * batch in progress returns a fresh one per call, so that consumers running at once (the live one and
     * a rebuild's replay) never share it; a stateless one returns itself.
     */
    default EventApplier applier() {
        return this;
    }
}
