package io.walletledger.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * The configuration a service under test needs: a random port, its own database, the test broker, the
 * test admin key and secrets key ({@link TestKeys}).
 */
public final class ServiceProperties {

    private ServiceProperties() {
    }

    public static Map<String, Object> of(KafkaEndpoint kafka, PostgresDatabase database) {
        return of(kafka, database, Map.of());
    }

    public static Map<String, Object> of(KafkaEndpoint kafka, PostgresDatabase database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "ledger.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "ledger.security.admin-key", TestKeys.ADMIN,
                "ledger.security.mode", "test",
                "ledger.secrets.active-key-id", "test-1",
                "ledger.secrets.active-key", TestKeys.SECRETS_KEY));
        properties.putAll(extra);
        return properties;
    }
}
