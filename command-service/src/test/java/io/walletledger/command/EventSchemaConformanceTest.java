package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.envelope.EventCatalog;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event that command-service publishes on ledger.events.v1 conforms to the JSON Schema of its type in
 * docs/schemas/events. The API tour ({@link ApiTour}) makes the service write all 24 types of the catalog, the
 * two expiries included (with short deadlines), so no type is left unchecked.
 */
@ExtendWith(RealServices.class)
class EventSchemaConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A hold expires 5 s after its authorization: long enough for the tour to capture or cancel the others. */
    private static final Map<String, Object> SHORT_DEADLINES = Map.of(
            "ledger.payments.hold-expiry", "5s",
            "ledger.payments.deadline-poll", "200ms",
            "ledger.payments.deadline-initial-delay", "200ms");

    /** The deposit of docs/events.md's worked example, a record written by EventEnvelopeCodec.encodeChained. */
    private static final String DEPOSIT = """
            {"specversion":"1.0","id":"7c1d9e4a-2b3f-4c8d-9e0a-1f2b3c4d5e6f","source":"urn:wallet-ledger:ledger",\
            "type":"account.funds_deposited","subject":"acc_5f2c0e9b7d414e2a9c3b1a6d8e0f4b21",\
            "time":"2026-11-25T10:16:02.481207Z","datacontenttype":"application/json","sequence":1,\
            "data":{"accountId":"acc_5f2c0e9b7d414e2a9c3b1a6d8e0f4b21",\
            "depositId":"dep_9a1c3e5b7d2f4a6c8e0b1d3f5a7c9e2b","amount":{"amount":1250,"currency":"EUR"},\
            "method":"CARD","fundingAccountId":"sys-funding-card-eur","reference":null,\
            "occurredAt":"2026-11-25T10:16:02.477310Z"},\
            "prevchainhash":"7b7dbe7607f6f80ab7d4af8cbea5d3d94c83f1b1bd347075f7be1238c995ae69",\
            "chainhash":"4f8b2a507f29c967f54a81b92c8b6e1491201617a891a649c384eddb5eb1297f"}""";

    @Test
    void every_event_published_by_the_api_tour_conforms_to_the_schema_of_its_type(KafkaEndpoint kafka,
                                                                                  PostgresDatabase database)
            throws Exception {
        EventSchemas schemas = EventSchemas.load();
        assertThat(schemas.types()).as("a schema per catalog type").isEqualTo(EventCatalog.all().keySet());
        List<JsonNode> events;
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, database, SHORT_DEADLINES)) {
            ApiTour.Visited tour = new ApiTour(service).run();
            await().atMost(Duration.ofSeconds(30)).until(() -> expired(database, tour.expiring()));
            events = published(kafka, database, tour.aggregates());
        }

        List<String> violations = new ArrayList<>();
        events.forEach(event -> violations.addAll(schemas.violations(event)));
        assertThat(violations).as("%d events checked", events.size()).isEmpty();
    }

    @Test
    void the_schemas_refuse_a_broken_event() throws Exception {
        EventSchemas schemas = EventSchemas.load();
        ObjectNode deposit = (ObjectNode) JSON.readTree(DEPOSIT);
        assertThat(schemas.violations(deposit)).isEmpty();

        ((ObjectNode) deposit.at("/data/amount")).put("amount", "1250");
        deposit.remove("chainhash");
        assertThat(schemas.violations(deposit)).hasSize(2)
                .anySatisfy(violation -> assertThat(violation).contains("/data/amount/amount"))
                .anySatisfy(violation -> assertThat(violation).contains("chainhash"));
    }

    /**
     * The tour's records on the topic, read until every catalog type has been seen among them and every event
     * stored for its aggregates so far has been read (the settlement, transfer and expiry events come later).
     */
    private static List<JsonNode> published(KafkaEndpoint kafka, PostgresDatabase database, Set<String> aggregates) {
        Map<String, JsonNode> events = new TreeMap<>(); // by subject@sequence: a redelivery is read once
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "schema-conformance-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(Topics.EVENTS));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (aggregates.contains(record.key())) {
                        JsonNode event = JSON.readTree(record.value());
                        events.put(record.key() + "@" + event.path("sequence").asLong(), event);
                    }
                }
                assertThat(events.values()).extracting(event -> event.path("type").asText())
                        .as("types published so far").containsAll(EventCatalog.all().keySet());
                assertThat(events).as("events read").hasSize(stored(database, aggregates));
            });
        }
        return List.copyOf(events.values());
    }

    private static boolean expired(PostgresDatabase database, Set<String> payments) throws Exception {
        for (String payment : payments) {
            if (!StoredEvents.types(database, payment).contains("payment.expired")) {
                return false;
            }
        }
        return true;
    }

    private static int stored(PostgresDatabase database, Set<String> aggregates) throws Exception {
        int stored = 0;
        for (String aggregate : aggregates) {
            stored += StoredEvents.of(database, aggregate).size();
        }
        return stored;
    }
}
