package io.walletledger.command.intake;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a poison command from an outage: a readable command whose handling throws is tried again, and
 * after {@value #ATTEMPTS} failures in a row at the same offset, while the database answers, it is
 * given up on (dead-lettered and answered), so that it no longer holds up its partition. While the
 * database does not answer, nothing is given up on: the partition waits.
 */
@Singleton
class PoisonCommands {

    static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    /** Per partition: the offset that failed last, and how often in a row. */
    private final Map<TopicPartition, long[]> failures = new ConcurrentHashMap<>();

    PoisonCommands(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean giveUp(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        long[] failed = failures.compute(partition, (p, last) -> last == null || last[0] != record.offset()
                ? new long[] {record.offset(), 1} : new long[] {last[0], last[1] + 1});
        if (failed[1] < ATTEMPTS || !databaseAnswers()) {
            return false;
        }
        failures.remove(partition);
        return true;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
