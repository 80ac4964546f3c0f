package io.walletledger.servicekit.database;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static io.walletledger.servicekit.database.DatabaseFailures.unavailable;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void a_pool_timeout_or_a_lost_connection_anywhere_in_the_causes_is_the_database_not_answering() {
        assertThat(unavailable(new IllegalStateException("append failed",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"))))
                .isTrue();
        assertThat(unavailable(new RuntimeException(new SQLException("An I/O error occurred", "08006"))))
                .isTrue();
        assertThat(unavailable(new RuntimeException(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(unavailable(new RuntimeException(new SQLException("the database system is starting up",
                "57P03")))).isTrue();
        assertThat(unavailable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void other_failures_are_not_blamed_on_the_database() {
        assertThat(unavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(unavailable(new RuntimeException(new SQLIntegrityConstraintViolationException(
                "duplicate key", "23505")))).isFalse();
        assertThat(unavailable(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isFalse();
        assertThat(unavailable(new RuntimeException(new SQLException("no state")))).isFalse();
    }
}
