package io.walletledger.envelope;

/**
 * Every event of the public contract. Each aggregate's events form a sealed interface of their own
 * ({@code AccountEvent}, ...), so consumers switch over them exhaustively.
 */
public interface LedgerEvent {

    /** The stream the event belongs to; also the Kafka record key and the CloudEvents subject. */
    String aggregateId();

    /** When the command that caused it was accepted (from the command, never the clock of a replay). */
    java.time.Instant occurredAt();
}
