package io.walletledger.projection.audit;

import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.UnreadableEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Audits a history record by record, in the order one partition of the event topic gives them (any
 * interleaving of partitions): the stream checks of I8, then the replay of money with I1-I6 and I9.
 * With an as-of instant, events after it are left out. Pure: no Kafka, no database.
 */
public final class Auditor {

    static final int MAX_LISTED = 10_000;

    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();
    private final Instant asOf;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Violation.Kind, Long> counts = new EnumMap<>(Violation.Kind.class);
    private final StreamCheck streams = new StreamCheck(this::report);
    private final LedgerReplay replay;
    private long read;
    private long applied;
    private long afterAsOf;

    /**
     * @param asOf  leave out events whose time is after it (null: the whole history)
     * @param lines receives every statement line as it is posted (null: keep none)
     */
    public Auditor(Instant asOf, Consumer<LedgerReplay.Line> lines) {
        this.asOf = asOf;
        this.replay = new LedgerReplay(this::report, lines);
    }

    /** One record's value, with where it was read (for an unreadable one). */
    public void accept(byte[] value, String position) {
        apply(decode(value), position);
    }

    /**
     * A batch of records in topic order: decoded and hash-checked in parallel (the costly part), then
     * applied one by one in order.
     */
    public void acceptAll(List<byte[]> values, List<String> positions) {
        Object[] decoded = new Object[values.size()];
        IntStream.range(0, decoded.length).parallel().forEach(i -> decoded[i] = decode(values.get(i)));
        for (int i = 0; i < decoded.length; i++) {
            apply(decoded[i], positions.get(i));
        }
    }

    /** The audited record, or the reason it is unreadable. */
    private Object decode(byte[] value) {
        try {
            return codec.decodeForAudit(value == null ? new byte[0] : value);
        } catch (UnreadableEvent e) {
            return e.getMessage();
        }
    }

    private void apply(Object decoded, String position) {
        read++;
        if (!(decoded instanceof EventEnvelopeCodec.Audited record)) {
            report(Violation.of(Violation.Kind.UNREADABLE_RECORD, position, List.of(), (String) decoded));
            return;
        }
        if (asOf != null && record.event().data().occurredAt().isAfter(asOf)) {
            afterAsOf++;
            return;
        }
        if (streams.check(record) == StreamCheck.Verdict.APPLY) {
            applied++;
            try {
                replay.apply(record.event());
            } catch (ArithmeticException e) {
                report(Violation.of(Violation.Kind.AMOUNT_LIMIT, record.event().subject(), List.of(record.event().id()),
                        "its amounts overflow a running total (" + e.getMessage() + "); not applied"));
            }
        }
    }

    private void report(Violation violation) {
        counts.merge(violation.kind(), 1L, Long::sum);
        if (violations.size() < MAX_LISTED) {
            violations.add(violation);
        }
    }

    public AuditResult finish(long elapsedNanos) {
        streams.finish();
        Map<String, LedgerReplay.CurrencyTotals> totals = replay.finish();
        return new AuditResult(asOf, read, applied, streams.redeliveries(), afterAsOf, streams.aggregates(),
                replay.accounts(), replay.payments(), totals, List.copyOf(violations),
                java.util.Collections.unmodifiableMap(new EnumMap<>(counts)), elapsedNanos, streams::lastSequence);
    }
}
