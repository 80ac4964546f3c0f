package io.walletledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.EventTopic;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import io.walletledger.testkit.ServiceProperties;
import io.walletledger.testkit.TestKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every query endpoint over real HTTP, fed from the real topic into real PostgreSQL. */
@ExtendWith(RealServices.class)
class ProjectionApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    private static KafkaEndpoint kafka;
    private static EventTopic topic;
    private static EmbeddedServer server;

    @BeforeAll
    static void start(KafkaEndpoint broker, PostgresDatabase db) throws Exception {
        kafka = broker;
        topic = new EventTopic(broker);
        server = ApplicationContext.run(EmbeddedServer.class, ServiceProperties.of(broker, db, Map.of(
                "ledger.projections.read-your-writes-timeout", "2s",
                "ledger.projections.change-feed-interval", "100ms")));
    }

    @AfterAll
    static void stop() {
        server.getApplicationContext().close();
        topic.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void publish(List<CloudEvent> events) throws Exception {
        topic.publish(events.toArray(CloudEvent[]::new));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + path))
                        .header("Authorization", TestKeys.adminBearer()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static boolean ok(String path) throws Exception {
        return get(path).statusCode() == 200;
    }

    @Test
    void serves_its_openapi_document_generated_from_the_code_and_swagger_ui() throws Exception {
        HttpResponse<String> spec = get("/swagger/wallet-ledger-projection-api-1.yml");
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("openapi: 3", "/v1/accounts/{id}/transactions:", "/v1/merchants/{id}/sales:",
                "/v1/accounts/{id}/balance:");
        io.walletledger.testkit.OpenApiDocs.assertCommittedCopyMatches(spec.body(), "projection-service.yml");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void the_statement_pages_newest_first_and_stays_stable_while_lines_are_appended() throws Exception {
        String acc = unique("stmt");
        History h = new History().open(acc, AccountType.CUSTOMER, T);
        for (int i = 1; i <= 7; i++) {
            h.deposit(acc, i * 100L, T.plusSeconds(i));
        }
        publish(h.events());
        await().atMost(Duration.ofSeconds(30)).until(() -> ok("/v1/accounts/" + acc)
                && json("/v1/accounts/" + acc).at("/balance/amount").asLong() == 2800);

        JsonNode first = json("/v1/accounts/" + acc + "/transactions?limit=3");
        assertThat(first.get("lines")).extracting(l -> l.at("/amount/amount").asLong()).containsExactly(700L, 600L, 500L);
        assertThat(first.get("lines").get(0).at("/balanceAfter/amount").asLong()).isEqualTo(2800);

        int mark = h.size();
        h.deposit(acc, 5, T.plusSeconds(60)).deposit(acc, 6, T.plusSeconds(61));
        publish(h.since(mark));
        await().atMost(Duration.ofSeconds(30)).until(() -> json("/v1/accounts/" + acc).at("/balance/amount").asLong() == 2811);

        List<Long> rest = new ArrayList<>();
        String cursor = first.get("nextCursor").asText();
        while (cursor != null) {
            JsonNode page = json("/v1/accounts/" + acc + "/transactions?limit=3&cursor=" + cursor);
            page.get("lines").forEach(l -> rest.add(l.at("/amount/amount").asLong()));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        }
        assertThat(rest).containsExactly(400L, 300L, 200L, 100L);

        long sum = 0;
        for (JsonNode line : json("/v1/accounts/" + acc + "/transactions?limit=500").get("lines")) {
            sum += line.at("/amount/amount").asLong();
        }
        assertThat(sum).as("lines sum to the balance").isEqualTo(2811);
        assertThat(get("/v1/accounts/" + acc + "/transactions?cursor=bogus").statusCode()).isEqualTo(400);
        assertThat(get("/v1/accounts/" + acc + "/transactions?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void the_balance_at_an_instant_or_a_date_is_what_it_was_then() throws Exception {
        String acc = unique("pit");
        publish(new History().open(acc, AccountType.CUSTOMER, T).deposit(acc, 1000, Instant.parse("2026-11-20T10:00:00Z"))
                .deposit(acc, 500, Instant.parse("2026-11-21T10:00:00Z")).events());
        await().atMost(Duration.ofSeconds(30)).until(() -> ok("/v1/accounts/" + acc)
                && json("/v1/accounts/" + acc).at("/balance/amount").asLong() == 1500);

        assertThat(json("/v1/accounts/" + acc + "/balance?at=2026-11-20T12:00:00Z").at("/balance/amount").asLong())
                .isEqualTo(1000);
        assertThat(json("/v1/accounts/" + acc + "/balance?at=2026-11-21").at("/balance/amount").asLong()).isEqualTo(1000);
        assertThat(json("/v1/accounts/" + acc + "/balance?at=2026-11-22").at("/balance/amount").asLong()).isEqualTo(1500);
        assertThat(json("/v1/accounts/" + acc + "/balance?at=2026-11-19").at("/balance/amount").asLong()).isZero();
        HttpResponse<String> bad = get("/v1/accounts/" + acc + "/balance?at=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/v1/accounts/" + acc + "/balance").statusCode()).isEqualTo(400);
    }

    @Test
    void a_payment_shows_its_amounts_fee_and_timeline() throws Exception {
        String shop = unique("shop");
        String payer = unique("payer");
        String pay = unique("pay");
        publish(new History().open(shop, AccountType.MERCHANT, T).open(payer, AccountType.CUSTOMER, T)
                .deposit(payer, 10_000, T).walletPayment(pay, shop, payer, 2500, 75, T.plusSeconds(5))
                .walletRefund(pay, shop, payer, 1000, 1000, false, T.plusSeconds(10)).events());
        await().atMost(Duration.ofSeconds(30)).until(() -> ok("/v1/payments/" + pay)
                && json("/v1/payments/" + pay).get("status").asText().equals("PARTIALLY_REFUNDED")
                && json("/v1/payments/" + pay).at("/fee/amount").asLong() == 75);

        JsonNode view = json("/v1/payments/" + pay);
        assertThat(view.at("/captured/amount").asLong()).isEqualTo(2500);
        assertThat(view.at("/refunded/amount").asLong()).isEqualTo(1000);
        assertThat(view.get("merchantAccountId").asText()).isEqualTo(shop);
        assertThat(view.get("payerAccountId").asText()).isEqualTo(payer);
        assertThat(view.get("timeline")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(get("/v1/payments/" + unique("none")).statusCode()).isEqualTo(404);
    }

    @Test
    void merchant_sales_are_bucketed_in_the_requested_time_zone_and_exported_as_csv() throws Exception {
        String shop = unique("sales");
        String alice = unique("alice");
        History h = new History().open(shop, AccountType.MERCHANT, T).open(alice, AccountType.CUSTOMER, T)
                .deposit(alice, 5000, T)
                .walletPayment(unique("p"), shop, alice, 2000, 60, Instant.parse("2026-11-20T22:30:00Z"))
                .cardPayment(unique("p"), shop, "card-1", 1000, 30, Instant.parse("2026-11-20T10:00:00Z"));
        publish(h.events());
        String sales = "/v1/merchants/" + shop + "/sales?from=2026-11-20&to=2026-11-22&granularity=DAY";
        await().atMost(Duration.ofSeconds(30)).until(() -> ok(sales)
                && json(sales).at("/totals/fees/amount").asLong() == 90);

        JsonNode utc = json(sales);
        assertThat(utc.get("buckets")).extracting(b -> b.at("/figures/gross/amount").asLong()).containsExactly(3000L, 0L);
        assertThat(utc.at("/totals/net/amount").asLong()).isEqualTo(3000 - 90);
        assertThat(utc.at("/byPaymentMethod/CARD/gross/amount").asLong()).isEqualTo(1000);
        JsonNode tokyo = json(sales + "&timeZone=Asia/Tokyo");
        assertThat(tokyo.get("buckets")).extracting(b -> b.at("/figures/gross/amount").asLong()).containsExactly(1000L, 2000L);

        HttpResponse<String> csv = get("/v1/merchants/" + shop + "/sales/export?from=2026-11-20&to=2026-11-22&granularity=DAY");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("bucket_start,bucket_local,currency,gross,refunded,fees,net");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).startsWith("total,UTC,EUR,3000,0,90,2910,2,0,2,1500");

        assertThat(get(sales + "&timeZone=Mars/Base").statusCode()).isEqualTo(400);
        assertThat(get("/v1/merchants/" + shop + "/sales?from=2026-11-20&to=2026-11-22&granularity=WEEK").statusCode())
                .isEqualTo(400);
        assertThat(get("/v1/merchants/" + unique("nobody") + "/sales?from=2026-11-20&to=2026-11-22").statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_query_with_a_consistency_token_waits_until_the_projection_applied_it() throws Exception {
        String acc = unique("ryw");
        History h = new History().open(acc, AccountType.CUSTOMER, T);
        publish(h.events());
        await().atMost(Duration.ofSeconds(30)).until(() -> ok("/v1/accounts/" + acc));
        int mark = h.size();
        h.deposit(acc, 4200, T.plusSeconds(1));

        CompletableFuture<HttpResponse<String>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/v1/accounts/" + acc + "?consistencyToken=" + acc + "@1");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the reader must be waiting (not answered) before the event exists
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
        publish(h.since(mark));
        HttpResponse<String> response = read.get();
        assertThat(response.headers().firstValue("Consistency")).hasValue("applied");
        assertThat(JSON.readTree(response.body()).at("/balance/amount").asLong()).isEqualTo(4200);

        HttpResponse<String> stale = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/accounts/" + acc))
                .header("Consistency-Token", acc + "@99").header("Authorization", TestKeys.adminBearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.headers().firstValue("Consistency")).hasValue("stale");
        assertThat(get("/v1/accounts/" + acc + "?consistencyToken=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void account_views_and_sales_buckets_are_published_to_compacted_topics() throws Exception {
        String shop = unique("feed");
        Instant at = Instant.parse("2026-11-20T13:15:00Z");
        String zoe = unique("zoe");
        publish(new History().open(shop, AccountType.MERCHANT, T).open(zoe, AccountType.CUSTOMER, T)
                .deposit(zoe, 5000, T).walletPayment(unique("p"), shop, zoe, 1200, 12, at).events());
        Map<String, JsonNode> accountViews = new HashMap<>();
        Map<String, JsonNode> salesBuckets = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, unique("analytics"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ACCOUNT_VIEWS, Topics.MERCHANT_SALES));
            String bucketKey = shop + "/2026-11-20T13:00:00Z";
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    (r.topic().equals(Topics.ACCOUNT_VIEWS) ? accountViews : salesBuckets).put(r.key(), JSON.readTree(r.value()));
                }
                return accountViews.containsKey(shop) && accountViews.get(shop).at("/balance/amount").asLong() == 1188
                        && salesBuckets.containsKey(bucketKey)
                        && salesBuckets.get(bucketKey).at("/figures/fees/amount").asLong() == 12;
            });
            JsonNode bucket = salesBuckets.get(bucketKey);
            assertThat(bucket.at("/figures/gross/amount").asLong()).isEqualTo(1200);
            assertThat(bucket.get("bucketStart").asText()).isEqualTo("2026-11-20T13:00:00Z");
            assertThat(bucket.get("currency").asText()).isEqualTo("EUR");
        }
    }

    @Test
    void health_reports_every_consumer_and_lag_is_a_metric() throws Exception {
        JsonNode health = json("/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/details/consumers/details").fieldNames()).toIterable()
                .contains("projection-service.account-view", "projection-service.payment-view",
                        "projection-service.merchant-sales");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/prometheus").body().contains("ledger_consumer_lag"));
        assertThat(get("/prometheus").body()).contains("ledger_consumer_events_total");
    }
}
