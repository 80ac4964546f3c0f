package io.walletledger.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Offered more than it works on at once, the service sheds the rest with 503 instead of queueing it. */
@ExtendWith(RealServices.class)
class OverloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = "{\"ownerId\":\"overload\",\"type\":\"CUSTOMER\",\"currency\":\"EUR\"}";

    @Test
    void requests_beyond_the_in_flight_limit_are_shed_with_503_and_retry_after_and_change_nothing(KafkaEndpoint kafka,
            PostgresDatabase db) throws Exception {
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db,
                Map.of("ledger.overload.max-in-flight", 1, "ledger.overload.max-wait", "0ms"))) {
            List<String> keys = new ArrayList<>();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
                for (int i = 0; i < 64; i++) {
                    String key = "overload-" + UUID.randomUUID();
                    keys.add(key);
                    answers.add(clients.submit(() -> service.postWithKey("/v1/accounts", OPEN, key)));
                }
            }
            Set<String> opened = new TreeSet<>();
            List<String> shed = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                assertThat(answer.statusCode()).as(answer.body()).isIn(201, 503);
                if (answer.statusCode() == 503) {
                    assertThat(answer.body()).contains("\"code\":\"overloaded\"");
                    assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(answer.headers().firstValue("retry-after")).contains("1");
                    shed.add(keys.get(i));
                } else {
                    opened.add(id(answer.body()));
                }
            }
            assertThat(shed).as("16 clients at once against one slot").isNotEmpty();
            for (String key : shed) {
                HttpResponse<String> retried = service.postWithKey("/v1/accounts", OPEN, key);
                assertThat(retried.statusCode()).as("a shed request recorded nothing under its key: " + retried.body())
                        .isEqualTo(201);
                assertThat(retried.headers().firstValue("idempotent-replayed")).isNotPresent();
                opened.add(id(retried.body()));
            }
            assertThat(opened).hasSize(64);
        }
    }

    @Test
    void requests_slower_than_the_latency_target_shrink_the_limit_to_its_minimum_and_the_rest_is_shed(
            KafkaEndpoint kafka, PostgresDatabase db) throws Exception {
        // every request takes longer than 1 µs: each answer past a target interval cuts the limit by a quarter
        try (CommandServiceRunning service = CommandServiceRunning.start(kafka, db, Map.of(
                "ledger.overload.max-in-flight", 64, "ledger.overload.min-in-flight", 1,
                "ledger.overload.latency-target", "1us", "ledger.overload.max-wait", "0ms"))) {
            MeterRegistry meters = service.meters();
            for (int i = 0; i < 20; i++) {
                assertThat(service.post("/v1/accounts", OPEN).statusCode()).isEqualTo(201);
            }
            assertThat(meters.get("ledger.http.limit").gauge().value()).as("64 × 0.75^15 < 1").isEqualTo(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 32; i++) {
                    answers.add(clients.submit(() -> service.post("/v1/accounts", OPEN)));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).containsOnly(201, 503).contains(503);
            assertThat(meters.get("ledger.http.shed").counter().count()).isEqualTo(
                    statuses.stream().filter(status -> status == 503).count());
        }
    }

    private static String id(String body) throws Exception {
        return JSON.readTree(body).get("id").asText();
    }
}
