package io.walletledger.envelope;

/** A record on the event topic that is not a CloudEvent of the catalog; consumers dead-letter it. */
public final class UnreadableEvent extends RuntimeException {
    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
