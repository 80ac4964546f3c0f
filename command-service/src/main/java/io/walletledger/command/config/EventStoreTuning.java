package io.walletledger.command.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bounds what the tracking processors (the Kafka publisher, the transfer process, merchant settlement)
 * carry about gaps in the event store's global index. A gap is an index taken by a transaction that
 * rolled back (a lost optimistic race, a refused command after an append). Axon keeps every gap newer
 * than {@code maxGapOffset} indexes in each token, queries {@code global_index IN (<gaps>)} on every
 * fetch, and copies the set into the token of every event it reads; the embedded store caches
 * {@code cachedEvents} such events. Memory is therefore about cachedEvents × gaps, and with Axon's
 * defaults (10,000 cached events, gaps kept for 60 s unless there are more than 250) a few thousand
 * rollbacks a minute filled the heap (7.5 million TreeMap entries).
 * <p>
 * Here a gap is given up after {@code gapTimeoutMs} once the token holds more than
 * {@code gapCleaningThreshold} of them: the time must stay well above the longest time between an
 * append and its commit (a request's transaction, a processor batch), else a late commit would be
 * missed by the processors. See docs/decisions/0021.
 */
@Singleton
public class EventStoreTuning {

    private final int gapTimeoutMs;
    private final int gapCleaningThreshold;
    private final int maxGapOffset;
    private final int cachedEvents;
    private final long appendLockTimeoutMs;

    public EventStoreTuning(@Value("${ledger.event-store.gap-timeout-ms:60000}") int gapTimeoutMs,
                            @Value("${ledger.event-store.gap-cleaning-threshold:32}") int gapCleaningThreshold,
                            @Value("${ledger.event-store.max-gap-offset:10000}") int maxGapOffset,
                            @Value("${ledger.event-store.cached-events:1024}") int cachedEvents,
                            @Value("${ledger.event-store.append-lock-timeout-ms:2000}") long appendLockTimeoutMs) {
        this.gapTimeoutMs = gapTimeoutMs;
        this.gapCleaningThreshold = gapCleaningThreshold;
        this.maxGapOffset = maxGapOffset;
        this.cachedEvents = cachedEvents;
        this.appendLockTimeoutMs = appendLockTimeoutMs;
    }

    JdbcEventStorageEngine storageEngine(JdbcTransactionManager tx, Serializer events, Serializer snapshots) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(tx)
                .transactionManager(tx)
                .schema(EventStoreSchema.events())
                // a duplicate (aggregate, sequence) is a lost optimistic race: a ConcurrencyException, retried
                .persistenceExceptionResolver(new LostRaceResolver())
                .eventSerializer(events)
                .snapshotSerializer(snapshots)
                .gapTimeout(gapTimeoutMs)
                .gapCleaningThreshold(gapCleaningThreshold)
                .maxGapOffset(maxGapOffset);
        return new Engine(builder, new TransactionScopedLocks(tx, appendLockTimeoutMs), tx);
    }

    /**
     * Axon's JDBC engine with two changes. Appends take an in-process lock per aggregate, held until the
     * transaction ends. Without it, a second writer of the same (aggregate, sequence) waits for the first
     * one's commit inside H2, which retries the insert in a loop until then and draws a new global index
     * on every try: up to 155,000 indexes for one lost race in a benchmark run. With it, the second
     * writer waits here and then fails at once with the duplicate key (a lost race, retried), having
     * drawn one index per event. And the tail query with gaps is given a range (see
     * {@link #readEventDataWithGaps}).
     */
    private static final class Engine extends JdbcEventStorageEngine {

        private final TransactionScopedLocks locks;
        private final JdbcTransactionManager tx;

        Engine(Builder builder, TransactionScopedLocks locks, JdbcTransactionManager tx) {
            super(builder);
            this.locks = locks;
            this.tx = tx;
        }

        @Override
        protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
            if (events.isEmpty()) {
                return;
            }
            List<String> aggregates = new ArrayList<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain) {
                    aggregates.add(domain.getAggregateIdentifier());
                }
            }
            if (tx.inTransaction()) {
                locks.lockUntilTransactionEnds(aggregates);
                super.appendEvents(events, serializer);
                return;
            }
            Transaction own = tx.startTransaction();
            try {
                locks.lockUntilTransactionEnds(aggregates);
                super.appendEvents(events, serializer);
                own.commit();
            } catch (RuntimeException e) {
                own.rollback();
                throw e;
            }
        }

        /**
         * Axon asks {@code (global_index > ? AND global_index <= ?) OR global_index IN (<gaps>)}; with the
         * OR, H2 scans the whole table and tests every row against the list (ConditionInList: the
         * largest share of the event store thread's CPU once the gaps were few). The same rows lie
         * between the oldest gap and the end of the batch, so that range is added for the index.
         */
        @Override
        protected PreparedStatement readEventDataWithGaps(Connection connection, long globalIndex, int batchSize,
                                                          List<Long> gaps) throws SQLException {
            String index = schema().globalIndexColumn();
            String sql = "SELECT " + trackedEventFields() + " FROM " + schema().domainEventTable()
                    + " WHERE " + index + " >= ? AND " + index + " <= ? AND (" + index + " > ? OR " + index
                    + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) ORDER BY "
                    + index + " ASC";
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setLong(1, Collections.min(gaps));
            statement.setLong(2, globalIndex + batchSize);
            statement.setLong(3, globalIndex);
            for (int i = 0; i < gaps.size(); i++) {
                statement.setLong(i + 4, gaps.get(i));
            }
            return statement;
        }
    }

    EmbeddedEventStore eventStore(Configuration c) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(c.getComponent(EventStorageEngine.class))
                .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .cachedEvents(cachedEvents)
                .build();
        c.onShutdown(store::shutDown);
        return store;
    }
}
