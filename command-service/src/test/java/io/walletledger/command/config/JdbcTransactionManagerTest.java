package io.walletledger.command.config;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTransactionManagerTest {

    @Test
    void a_failure_on_a_connection_already_closed_says_the_database_connection_is_lost() throws Exception {
        Connection connection = h2().getConnection();
        connection.close();
        SQLException closed = new SQLException("Connection is closed");

        IllegalStateException failure = JdbcTransactionManager.failure("rollback failed", connection, closed);

        assertThat(failure.getCause()).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("08003");
        assertThat(failure.getCause().getCause()).isSameAs(closed);
    }

    @Test
    void a_failure_on_a_live_connection_keeps_its_own_cause() throws Exception {
        try (Connection connection = h2().getConnection()) {
            SQLException deadlock = new SQLException("deadlock", "40001");
            assertThat(JdbcTransactionManager.failure("commit failed", connection, deadlock).getCause()).isSameAs(deadlock);
        }
    }

    private static JdbcDataSource h2() {
        JdbcDataSource data = new JdbcDataSource();
        data.setURL("jdbc:h2:mem:tx-" + System.nanoTime());
        data.setUser("sa");
        return data;
    }
}
