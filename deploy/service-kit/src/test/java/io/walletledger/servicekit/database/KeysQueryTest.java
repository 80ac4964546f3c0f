package io.walletledger.servicekit.database;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Many keys in chunks, both forms, on H2 (the projection and notification tests run them on PostgreSQL too). */
class KeysQueryTest {

    private static Connection database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Connection c = h2.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE applied (grp VARCHAR(16) NOT NULL, id VARCHAR(16) NOT NULL, seq BIGINT NOT NULL, "
                    + "PRIMARY KEY (grp, id))");
            s.execute("INSERT INTO applied SELECT 'g', 'k' || X, X FROM SYSTEM_RANGE(1, 1500)");
            s.execute("INSERT INTO applied SELECT 'other', 'k' || X, -X FROM SYSTEM_RANGE(1, 1500)");
        }
        return c;
    }

    /** Keys k1, k3, k5 … k2399: 1,200 keys (three chunks), of which k1 … k1499 exist. */
    private static List<String> oddKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < 2400; i += 2) {
            keys.add("k" + i);
        }
        return keys;
    }

    @Test
    void finds_every_existing_key_across_chunks_in_both_forms() throws Exception {
        try (Connection c = database()) {
            assertThat(KeysQuery.isH2(c)).isTrue();
            Set<String> plain = new HashSet<>();
            Set<Long> plainSequences = new HashSet<>();
            KeysQuery.run(c, "SELECT id, seq FROM applied WHERE grp = ? AND id", "", List.of("g"), oddKeys(), row -> {
                plain.add(row.getString(1));
                plainSequences.add(row.getLong(2));
            });
            Set<String> rows = new HashSet<>();
            KeysQuery.runRows(c, "SELECT id, seq FROM applied WHERE (grp, id)", " ORDER BY id", List.of("g"), oddKeys(),
                    row -> {
                        assertThat(row.getLong(2)).isPositive(); // never the other group's rows
                        rows.add(row.getString(1));
                    });
            assertThat(plain).hasSize(750).contains("k1", "k749", "k1499").doesNotContain("k2", "k1501");
            assertThat(plainSequences).allMatch(seq -> seq > 0);
            assertThat(rows).isEqualTo(plain);
        }
    }

    @Test
    void the_row_form_is_an_index_lookup_on_h2() throws Exception {
        try (Connection c = database();
             PreparedStatement explain = c.prepareStatement(
                     "EXPLAIN ANALYZE SELECT id FROM applied WHERE (grp, id) IN (('g', 'k1'), ('g', 'k2'))")) {
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                // H2 reports the rows it scanned: 2 looked up in the key, not all 1,500 of the group
                assertThat(plan.getString(1)).contains("scanCount: 3");
            }
        }
    }
}
