package io.walletledger.violation;

/**
 * A business rule the ledger refused to break. Each subtype maps to one stable problem code at
 * the edges (HTTP, Kafka command results); the message is safe to show to the caller.
 */
public abstract class LedgerViolation extends RuntimeException {

    protected LedgerViolation(String message) {
        super(message, null, false, false);
    }
}
