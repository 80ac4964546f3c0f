package io.walletledger.servicekit.kafka;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.servicekit.database.KeysQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies each aggregate's events once and in order, whatever the topic redelivers: the last
 * sequence applied per aggregate is kept in {@code applied_version} (per consumer group), in the
 * same transaction as the effects. An event at or below it is a duplicate (the outbox relay
 * publishes at least once) and is skipped. The same table answers read-your-writes questions:
 * "has this group applied {@code acc_1@3} yet?".
 */
public final class VersionGuard implements EventApplier {

    private final String group;
    private final EventApplier delegate;
    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Long> dirty = new HashMap<>();
    private final Map<String, Boolean> stored = new HashMap<>();

    public VersionGuard(String group, EventApplier delegate) {
        this.group = group;
        this.delegate = delegate;
    }

    @Override
    public void beforeBatch(Connection transaction) throws SQLException {
        known.clear();
        dirty.clear();
        stored.clear();
        delegate.beforeBatch(transaction);
    }

    /** Reads the applied sequences of the batch's aggregates in a few queries (not one per aggregate). */
    @Override
    public void prepare(Connection transaction, List<CloudEvent> events) throws SQLException {
        List<String> unknown = events.stream().map(CloudEvent::subject).distinct()
                .filter(subject -> !known.containsKey(subject)).toList();
        KeysQuery.Row read = row -> {
            known.put(row.getString(1), row.getLong(2));
            stored.put(row.getString(1), true);
        };
        if (KeysQuery.isH2(transaction)) {
            KeysQuery.runRows(transaction, "SELECT aggregate_id, sequence_no FROM applied_version "
                    + "WHERE (consumer_group, aggregate_id)", "", List.of(group), unknown, read);
        } else {
            KeysQuery.run(transaction, "SELECT aggregate_id, sequence_no FROM applied_version WHERE consumer_group = ? "
                    + "AND aggregate_id", "", List.of(group), unknown, read);
        }
        for (String subject : unknown) {
            if (known.putIfAbsent(subject, -1L) == null) {
                stored.put(subject, false);
            }
        }
        delegate.prepare(transaction, events);
    }

    @Override
    public void apply(Connection transaction, CloudEvent event) throws SQLException {
        long applied = applied(transaction, event.subject());
        if (event.sequence() <= applied) {
            return;
        }
        delegate.apply(transaction, event);
        known.put(event.subject(), event.sequence());
        dirty.put(event.subject(), event.sequence());
    }

    @Override
    public void afterBatch(Connection transaction) throws SQLException {
        delegate.afterBatch(transaction);
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE applied_version SET sequence_no = ? WHERE consumer_group = ? AND aggregate_id = ?");
             PreparedStatement insert = transaction.prepareStatement(
                     "INSERT INTO applied_version (consumer_group, aggregate_id, sequence_no) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> entry : dirty.entrySet()) {
                if (stored.get(entry.getKey())) {
                    update.setLong(1, entry.getValue());
                    update.setString(2, group);
                    update.setString(3, entry.getKey());
                    update.addBatch();
                } else {
                    insert.setString(1, group);
                    insert.setString(2, entry.getKey());
                    insert.setLong(3, entry.getValue());
                    insert.addBatch();
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    private long applied(Connection transaction, String aggregateId) throws SQLException {
        Long cached = known.get(aggregateId);
        if (cached != null) {
            return cached;
        }
        long sequence = read(transaction, group, aggregateId);
        stored.put(aggregateId, sequence >= 0);
        known.put(aggregateId, sequence);
        return sequence;
    }

    /** The last sequence of the aggregate that the group applied, or -1 if none. */
    public static long read(Connection connection, String group, String aggregateId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence_no FROM applied_version WHERE consumer_group = ? AND aggregate_id = ?")) {
            select.setString(1, group);
            select.setString(2, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
