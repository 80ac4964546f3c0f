package io.walletledger.command.intake;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A command stuck on a database lock holds up its own partition only; other partitions go on. */
@ExtendWith(RealServices.class)
class SlowPartitionTest {

    @Test
    void a_blocked_command_does_not_block_other_partitions(KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                ServiceProperties.of(kafka, db, CommandTopics.issuerAllowedEverything()));
             CommandTopics topics = new CommandTopics(kafka);
             Connection blocker = db.connect()) {
            int partitions = partitionsOfCommands(kafka);
            String slowKey = "slow-key";
            String fastKey = keyOnAnotherPartition(slowKey, partitions);

            // an open transaction holds the idempotency key the slow command will claim
            blocker.setAutoCommit(false);
            try (PreparedStatement claim = blocker.prepareStatement("""
                    INSERT INTO idempotency_record (scope, idempotency_key, request_hash, status, response_body,
                                                    created_at, expires_at) VALUES ('anonymous', 'stuck-command', 'x', 0, '', ?, ?)""")) {
                claim.setTimestamp(1, Timestamp.from(Instant.now()));
                claim.setTimestamp(2, Timestamp.from(Instant.now().plusSeconds(3600)));
                claim.executeUpdate();
            }
            topics.sendAs("stuck-command", "account.open", slowKey,
                    "{\"ownerId\":\"slow\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
            // the slow command must be waiting on the lock before the fast one is sent
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLock(blocker));

            String fast = topics.send("account.open", fastKey, "{\"ownerId\":\"fast\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
            assertThat(topics.result(fast).get("status").asText()).isEqualTo("ACCEPTED");

            blocker.rollback();
            assertThat(topics.result("stuck-command").get("status").asText()).isEqualTo("ACCEPTED");
        }
    }

    private static boolean waitingOnLock(Connection connection) throws Exception {
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static int partitionsOfCommands(KafkaEndpoint kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(Topics.COMMANDS)).allTopicNames().get().get(Topics.COMMANDS)
                    .partitions().size();
        }
    }

    /** Kafka's default partitioner: murmur2 of the key modulo the partition count. */
    private static String keyOnAnotherPartition(String key, int partitions) {
        int slow = partitionOf(key, partitions);
        for (int i = 0; ; i++) {
            String candidate = "fast-key-" + i;
            if (partitionOf(candidate, partitions) != slow) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
