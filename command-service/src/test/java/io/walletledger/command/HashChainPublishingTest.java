package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.envelope.EventChain;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** I8: every published event links to its predecessor in its aggregate's hash chain, across a restart. */
@ExtendWith(RealServices.class)
class HashChainPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void I8_published_events_form_an_intact_hash_chain_per_aggregate_also_after_a_restart(KafkaEndpoint kafka,
                                                                                        PostgresDatabase db)
            throws Exception {
        String account;
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db)) {
            HttpResponse<String> opened = service.post("/v1/accounts",
                    "{\"ownerId\":\"chain\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
            account = JSON.readTree(opened.body()).get("id").asText();
            deposit(service, account, 100);
            io.walletledger.testkit.PublishedEvents.keyed(kafka, account, 2);
        }
        try (CommandServiceRunning restarted = CommandServiceRunning.start(kafka, db)) {
            deposit(restarted, account, 200);
            List<ConsumerRecord<String, byte[]>> records = io.walletledger.testkit.PublishedEvents.keyed(kafka, account, 3);
            EventEnvelopeCodec codec = new EventEnvelopeCodec();
            String previous = EventChain.GENESIS;
            for (ConsumerRecord<String, byte[]> record : records) {
                EventEnvelopeCodec.Audited audited = codec.decodeForAudit(record.value());
                assertThat(audited.prevChainHash()).as("link of " + audited.event().sequence()).isEqualTo(previous);
                assertThat(audited.chainHash()).matches("[0-9a-f]{64}").isEqualTo(audited.recomputedChainHash());
                previous = audited.chainHash();
            }
            assertThat(records).extracting(r -> codec.decode(r.value()).sequence()).containsExactly(0L, 1L, 2L);
        }
    }

    private static void deposit(CommandServiceRunning service, String account, long amount) throws Exception {
        HttpResponse<String> deposited = service.post("/v1/deposits", "{\"accountId\":\"" + account + "\",\"amount\":"
                + amount + ",\"currency\":\"EUR\",\"method\":\"CARD\"}");
        assertThat(deposited.statusCode()).isEqualTo(201);
    }
}
