package io.walletledger.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RealServices.class)
class RealServicesTest {

    private static PostgresDatabase classDatabase;

    @BeforeAll
    static void remember(PostgresDatabase database) {
        classDatabase = database;
    }

    @Test
    void hands_out_a_live_broker(KafkaEndpoint kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).isNotEmpty();
        }
    }

    @Test
    void hands_out_one_fresh_postgres_database_per_class(PostgresDatabase database) throws Exception {
        assertThat(database).isEqualTo(classDatabase);
        try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from information_schema.tables where table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
