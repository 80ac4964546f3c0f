package io.walletledger.projection;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.servicekit.kafka.VersionGuard;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The service's own schema in an in-memory H2 database, so a projector can be fed events directly:
 * tests of one event type at a time, without Kafka.
 */
public final class ProjectorDatabase {

    private final JdbcDataSource dataSource = new JdbcDataSource();

    public ProjectorDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Applies the events in one transaction through the projector's version guard, as its consumer does. */
    public void apply(Projector projector, List<CloudEvent> events) throws SQLException {
        VersionGuard guarded = new VersionGuard(projector.consumerGroup(), projector.applier());
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            guarded.beforeBatch(tx);
            guarded.prepare(tx, events);
            for (CloudEvent event : events) {
                guarded.apply(tx, event);
            }
            guarded.afterBatch(tx);
            tx.commit();
        }
    }

    public void apply(Projector projector, CloudEvent... events) throws SQLException {
        apply(projector, List.of(events));
    }
}
