package io.walletledger.projection.audit;

import io.walletledger.envelope.EventChain;
import io.walletledger.envelope.EventEnvelopeCodec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * I8 over each aggregate's stream as read from the topic: sequence numbers without gaps, in order and
 * once; every event's content matching its chainhash and its prevchainhash linking to its predecessor.
 * A byte-identical record seen again (the publisher's at-least-once resend) is a redelivery, not a
 * violation: it is skipped, never counted twice.
 */
final class StreamCheck {

    enum Verdict { APPLY, SKIP }

    private static final class Stream {
        long next;
        String lastChainHash = EventChain.GENESIS;
        long[] fingerprints = new long[4];
        final TreeSet<Long> missing = new TreeSet<>();
    }

    private final Map<String, Stream> streams = new HashMap<>();
    private final LongSet eventIds = new LongSet();
    private final Consumer<Violation> report;
    private long redeliveries;

    StreamCheck(Consumer<Violation> report) {
        this.report = report;
    }

    Verdict check(EventEnvelopeCodec.Audited record) {
        String aggregate = record.event().subject();
        String id = record.event().id();
        long sequence = record.event().sequence();
        Stream stream = streams.computeIfAbsent(aggregate, a -> new Stream());
        long fingerprint = fingerprint(id, record.chainHash(), record.recomputedChainHash());
        if (sequence < stream.next && !stream.missing.contains(sequence)) {
            if (stream.fingerprints[(int) sequence] == fingerprint) {
                redeliveries++;
                return Verdict.SKIP;
            }
            report.accept(Violation.of(Violation.Kind.DUPLICATE_EVENT, aggregate, List.of(id),
                    "a second, different event at sequence " + sequence));
            return Verdict.SKIP;
        }
        if (!eventIds.add(idHash(id))) {
            report.accept(Violation.of(Violation.Kind.DUPLICATE_EVENT, aggregate, List.of(id),
                    "event id " + id + " already appeared at another position"));
            return Verdict.SKIP;
        }
        if (sequence < 0 || sequence >= Integer.MAX_VALUE) {
            report.accept(Violation.of(Violation.Kind.MISSING_EVENT, aggregate, List.of(id),
                    "sequence " + sequence + " is out of range"));
            return Verdict.SKIP;
        }
        checkChain(record, aggregate, id, sequence, stream);
        if (sequence < stream.next) {
            stream.missing.remove(sequence);
            report.accept(Violation.of(Violation.Kind.OUT_OF_ORDER, aggregate, List.of(id),
                    "sequence " + sequence + " appeared after sequence " + (stream.next - 1)));
        } else {
            for (long gap = stream.next; gap < sequence; gap++) {
                stream.missing.add(gap);
            }
            stream.next = sequence + 1;
            stream.lastChainHash = record.chainHash();
        }
        remember(stream, (int) sequence, fingerprint);
        return Verdict.APPLY;
    }

    private void checkChain(EventEnvelopeCodec.Audited record, String aggregate, String id, long sequence,
                            Stream stream) {
        if (record.chainHash() == null || record.prevChainHash() == null) {
            report.accept(Violation.of(Violation.Kind.CHAIN_MISSING, aggregate, List.of(id),
                    "sequence " + sequence + " has no chainhash/prevchainhash"));
            return;
        }
        if (!record.chainHash().equals(record.recomputedChainHash())) {
            report.accept(Violation.of(Violation.Kind.TAMPERED_EVENT, aggregate, List.of(id),
                    "sequence " + sequence + ": the content hashes to " + record.recomputedChainHash()
                            + ", the event says " + record.chainHash()));
        }
        boolean inOrder = sequence == stream.next;
        String expected = sequence == 0 ? EventChain.GENESIS : inOrder ? stream.lastChainHash : null;
        if (expected != null && !expected.equals(record.prevChainHash())) {
            report.accept(Violation.of(Violation.Kind.CHAIN_BROKEN, aggregate, List.of(id),
                    "sequence " + sequence + " links to " + record.prevChainHash() + ", its predecessor's chainhash is "
                            + expected));
        }
    }

    private static void remember(Stream stream, int sequence, long fingerprint) {
        if (sequence >= stream.fingerprints.length) {
            stream.fingerprints = Arrays.copyOf(stream.fingerprints, Math.max(sequence + 1, stream.fingerprints.length * 2));
        }
        stream.fingerprints[sequence] = fingerprint;
    }

    /** Sequence numbers that never appeared; call once, after the last record. */
    void finish() {
        streams.forEach((aggregate, stream) -> {
            if (!stream.missing.isEmpty()) {
                List<Long> gaps = new ArrayList<>(stream.missing);
                report.accept(Violation.of(Violation.Kind.MISSING_EVENT, aggregate, List.of(),
                        "sequence numbers " + gaps + " of " + stream.next + " never appeared"));
            }
        });
    }

    long redeliveries() {
        return redeliveries;
    }

    int aggregates() {
        return streams.size();
    }

    /** Id, claimed chain hash and content: a resend that differs in any of them is no redelivery. */
    private static long fingerprint(String id, String chainHash, String contentHash) {
        return (idHash(id) * 31 + (chainHash == null ? 0 : chainHash.hashCode())) * 31
                + (contentHash == null ? 0 : contentHash.hashCode());
    }

    /** The highest sequence number seen of an aggregate, or -1. */
    long lastSequence(String aggregate) {
        Stream stream = streams.get(aggregate);
        return stream == null ? -1 : stream.next - 1;
    }

    /** 64 bits of the id: a collision would hide a duplicate, with odds of about n^2 / 2^65. */
    private static long idHash(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        return h ^ (h >>> 29) * 0x9E3779B97F4A7C15L;
    }
}
