package io.walletledger.projection;

import io.walletledger.servicekit.kafka.EventApplier;

/** A read model fed from {@code ledger.events.v1}; each has its own consumer group and offsets. */
public interface Projector extends EventApplier {

    String consumerGroup();
}
