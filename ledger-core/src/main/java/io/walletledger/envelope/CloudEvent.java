package io.walletledger.envelope;

import java.time.Instant;
import java.util.Objects;

/**
 * One ledger event as published on {@code ledger.events.v1}: a CloudEvents 1.0 structured JSON
 * record. {@code sequence} (an extension attribute) is the event's position in its aggregate's
 * stream, starting at 0, so consumers can apply events per aggregate exactly once and in order.
 */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        long sequence,
        LedgerEvent data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SOURCE = "urn:wallet-ledger:ledger";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static CloudEvent of(String eventId, long sequence, Instant time, LedgerEvent data) {
        return new CloudEvent(eventId, SOURCE, EventCatalog.requireTypeOf(data.getClass()), data.aggregateId(),
                time, sequence, data);
    }
}
