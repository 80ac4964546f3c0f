package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.account.FundsDeposited;
import io.walletledger.envelope.CloudEvent;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST account and deposit → event store → CloudEvents on ledger.events.v1, on real Kafka and PostgreSQL. */
@ExtendWith(RealServices.class)
class ThinPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CommandServiceRunning service;
    private static KafkaEndpoint kafka;
    private static PostgresDatabase database;

    @BeforeAll
    static void start(KafkaEndpoint broker, PostgresDatabase db) {
        kafka = broker;
        database = db;
        service = CommandServiceRunning.start(broker, db);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void an_account_and_a_deposit_are_published_as_cloudevents_keyed_by_account_in_stream_order() throws Exception {
        HttpResponse<String> opened = service.post("/v1/accounts",
                "{\"ownerId\":\"alice\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String accountId = JSON.readTree(opened.body()).get("id").asText();
        assertThat(JSON.readTree(opened.body()).get("consistencyToken").asText()).isEqualTo(accountId + "@0");

        HttpResponse<String> deposited = service.post("/v1/deposits",
                "{\"accountId\":\"" + accountId + "\",\"amount\":1250,\"currency\":\"EUR\",\"method\":\"CARD\"}");
        assertThat(deposited.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(deposited.body()).at("/amount/amount").asLong()).isEqualTo(1250);

        List<ConsumerRecord<String, byte[]>> records = io.walletledger.testkit.PublishedEvents.keyed(kafka, accountId, 2);
        JsonNode first = JSON.readTree(records.get(0).value());
        JsonNode second = JSON.readTree(records.get(1).value());
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("type").asText()).isEqualTo("account.opened");
        assertThat(first.get("subject").asText()).isEqualTo(accountId);
        assertThat(first.get("source").asText()).isEqualTo(CloudEvent.SOURCE);
        assertThat(first.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(second.get("type").asText()).isEqualTo("account.funds_deposited");
        assertThat(second.get("sequence").asLong()).isEqualTo(1);
        assertThat(second.at("/data/amount/amount").asLong()).isEqualTo(1250);
        assertThat(second.at("/data/amount/currency").asText()).isEqualTo("EUR");
        assertThat(second.at("/data/fundingAccountId").asText()).isEqualTo("sys-funding-card-eur");
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());

        CloudEvent decoded = new EventEnvelopeCodec().decode(records.get(1).value());
        assertThat(decoded.data()).isInstanceOf(FundsDeposited.class);
        assertThat(decoded.id()).isEqualTo(second.get("id").asText());
    }

    @Test
    void I8_immutable_history_events_are_stored_under_their_catalog_type_names() throws Exception {
        HttpResponse<String> opened = service.post("/v1/accounts",
                "{\"ownerId\":\"bob\",\"type\":\"MERCHANT\",\"currency\":\"JPY\"}");
        String accountId = JSON.readTree(opened.body()).get("id").asText();
        try (Connection c = database.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT payload_type, sequence_number FROM domain_event_entry WHERE aggregate_identifier = '"
                        + accountId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("account.opened");
            assertThat(rs.getLong(2)).isZero();
        }
    }

    @Test
    void serves_its_openapi_document_generated_from_the_code_and_swagger_ui_without_a_cdn() throws Exception {
        HttpResponse<String> spec = service.get("/swagger/wallet-ledger-command-api-1.yml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3", "/v1/payments/{id}/refunds:", "/v1/transfers:",
                "/v1/accounts/{id}/second-factor:", "name: Idempotency-Key", "application/problem+json",
                "MovementRequest", "scheme: bearer", "- apiKey: []", "/v1/api-keys:");
        io.walletledger.testkit.OpenApiDocs.assertCommittedCopyMatches(spec.body(), "command-service.yml");
        HttpResponse<String> ui = service.get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").doesNotContain("cdn.jsdelivr", "unpkg.com");
    }
}
