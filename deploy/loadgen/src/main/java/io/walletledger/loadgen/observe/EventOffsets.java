package io.walletledger.loadgen.observe;

import io.walletledger.envelope.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** How many events ledger.events.v1 holds: the sum of its partitions' end offsets. */
public final class EventOffsets implements AutoCloseable {

    private final Admin admin;

    public EventOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    public long total() throws Exception {
        var description = admin.describeTopics(java.util.List.of(Topics.EVENTS)).allTopicNames()
                .get(15, TimeUnit.SECONDS).get(Topics.EVENTS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(Topics.EVENTS, p.partition()),
                OffsetSpec.latest()));
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all()
                .get(15, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    @Override
    public void close() {
        admin.close();
    }
}
