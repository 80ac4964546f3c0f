package io.walletledger.projection.rebuild;

import java.time.Instant;

/** Where a rebuild stands; {@code lag} is the events still to replay before the switch. */
public record RebuildProgress(State state, long eventsApplied, long eventsTotal, long eventsPerSecond, long lag,
                              Instant startedAt, Instant finishedAt, String error) {

    public enum State { IDLE, REPLAYING, SWITCHING, DONE, FAILED }

    static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, 0, 0, 0, 0, null, null, null);
    }
}
