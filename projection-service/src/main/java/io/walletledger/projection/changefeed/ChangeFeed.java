package io.walletledger.projection.changefeed;

import java.util.Optional;

/** A view published to a compacted topic: its name in {@code view_change}, its topic, its current state by key. */
public interface ChangeFeed {

    String view();

    String topic();

    /** The view's current state for the key, or empty to publish a tombstone. */
    Optional<Object> current(String key);
}
