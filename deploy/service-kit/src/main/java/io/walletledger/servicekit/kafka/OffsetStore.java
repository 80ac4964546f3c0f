package io.walletledger.servicekit.kafka;

import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Consumed offsets in the service's own database (table {@code consumer_offset}), written in the
 * same transaction as the rows they produced: after a crash the consumer resumes exactly after the
 * last committed effect.
 */
public final class OffsetStore {

    private final String group;

    public OffsetStore(String group) {
        this.group = group;
    }

    public Map<TopicPartition, Long> load(Connection connection, Collection<TopicPartition> partitions) throws SQLException {
        return read(connection, partitions, "");
    }

    /**
     * The stored offsets of {@code partitions}, their rows locked until {@code transaction} ends: the
     * fence between instances of one group. A consumer that lost a partition (a rebalance, a session
     * that expired while it worked) may still hold records of it; behind this lock it sees that another
     * instance has applied them and skips them, instead of applying them a second time. The rows are
     * locked in one order by every instance, so two fences never wait on each other.
     */
    public Map<TopicPartition, Long> lock(Connection transaction, Collection<TopicPartition> partitions)
            throws SQLException {
        return read(transaction, partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                .toList(), " FOR UPDATE");
    }

    private Map<TopicPartition, Long> read(Connection connection, Collection<TopicPartition> partitions,
                                           String lockClause) throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT next_offset FROM consumer_offset "
                + "WHERE consumer_group = ? AND topic = ? AND partition_no = ?" + lockClause)) {
            for (TopicPartition partition : partitions) {
                select.setString(1, group);
                select.setString(2, partition.topic());
                select.setInt(3, partition.partition());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        offsets.put(partition, rs.getLong(1));
                    }
                }
            }
        }
        return offsets;
    }

    public void save(Connection transaction, Map<TopicPartition, Long> nextOffsets) throws SQLException {
        try (PreparedStatement update = transaction.prepareStatement(
                "UPDATE consumer_offset SET next_offset = ? WHERE consumer_group = ? AND topic = ? AND partition_no = ?");
             PreparedStatement insert = transaction.prepareStatement(
                     "INSERT INTO consumer_offset (consumer_group, topic, partition_no, next_offset) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<TopicPartition, Long> entry : nextOffsets.entrySet()) {
                update.setLong(1, entry.getValue());
                update.setString(2, group);
                update.setString(3, entry.getKey().topic());
                update.setInt(4, entry.getKey().partition());
                if (update.executeUpdate() == 0) {
                    insert.setString(1, group);
                    insert.setString(2, entry.getKey().topic());
                    insert.setInt(3, entry.getKey().partition());
                    insert.setLong(4, entry.getValue());
                    insert.executeUpdate();
                }
            }
        }
    }
}
