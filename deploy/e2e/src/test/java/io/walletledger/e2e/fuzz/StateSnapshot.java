package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.envelope.Topics;
import io.walletledger.testkit.PostgresDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the campaign must leave as it found it: the end offset of every partition of every
 * topic, the fixture as the three services show it (accounts, statements, payments, the transfer,
 * sales, webhook endpoints and deliveries, API keys, the rebuild's state), and every table of the
 * three databases. Left out, by design: Axon's token claims (renewed by the processors), and the
 * refusals command-service records under their Idempotency-Key (counted; its successes must not change).
 */
record StateSnapshot(Map<String, Long> endOffsets, Map<String, String> views, Map<String, String> tables,
                     long recordedRefusals) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the state lives. */
    record Sources(String bootstrapServers, Map<Template.Service, URI> services, Map<Template.Service, PostgresDatabase> dbs,
                   Fixture fixture) {
    }

    static StateSnapshot take(Sources sources) throws Exception {
        return new StateSnapshot(endOffsets(sources.bootstrapServers()), views(sources), tables(sources),
                recordedRefusals(sources.dbs().get(Template.Service.COMMAND)));
    }

    /** What changed, in words; empty when nothing did (usage reports of API keys allowed on their topic). */
    List<String> changesSince(StateSnapshot before, String bootstrapServers) {
        List<String> changes = new ArrayList<>();
        Map<String, Long> usageOnly = new TreeMap<>();
        for (Map.Entry<String, Long> e : endOffsets.entrySet()) {
            Long was = before.endOffsets.get(e.getKey());
            if (!Objects.equals(was, e.getValue())) {
                if (e.getKey().startsWith(Topics.API_KEYS + "-") && was != null) {
                    usageOnly.put(e.getKey(), was);
                } else {
                    changes.add("topic partition " + e.getKey() + ": end offset " + was + " -> " + e.getValue());
                }
            }
        }
        changes.addAll(nonUsageRecords(bootstrapServers, usageOnly, endOffsets));
        before.views.forEach((what, body) -> {
            if (!body.equals(views.get(what))) {
                changes.add(what + " changed:\n  before " + body + "\n  after  " + views.get(what));
            }
        });
        before.tables.forEach((table, sum) -> {
            if (!sum.equals(tables.get(table))) {
                changes.add("table " + table + ": " + sum + " -> " + tables.get(table));
            }
        });
        return changes;
    }

    private static Map<String, Long> endOffsets(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get().forEach((name, description) ->
                    description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()),
                            OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
            return ends;
        }
    }

    /** Records appended to the API key topic other than usage reports (a key created, changed or revoked). */
    private static List<String> nonUsageRecords(String bootstrapServers, Map<String, Long> from, Map<String, Long> to) {
        if (from.isEmpty()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            from.forEach((tp, offset) -> {
                int dash = tp.lastIndexOf('-');
                ends.put(new TopicPartition(tp.substring(0, dash), Integer.parseInt(tp.substring(dash + 1))), to.get(tp));
            });
            consumer.assign(ends.keySet());
            from.forEach((tp, offset) -> {
                int dash = tp.lastIndexOf('-');
                consumer.seek(new TopicPartition(tp.substring(0, dash), Integer.parseInt(tp.substring(dash + 1))), offset);
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))
                            && (r.key() == null || !r.key().startsWith("usage/"))) {
                        found.add("record on " + r.topic() + ": key " + r.key());
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, String> views(Sources s) throws Exception {
        Fixture fx = s.fixture();
        Fixture.Api api = new Fixture.Api(s.services());
        Map<String, String> views = new TreeMap<>();
        Template.Service proj = Template.Service.PROJECTION;
        Template.Service notif = Template.Service.NOTIFICATION;
        for (String account : List.of(fx.merchant(), fx.otherMerchant(), fx.customer(), fx.payee(), fx.frozen(), fx.spare(),
                "sys-fee-revenue-eur", "sys-funding-card-eur")) {
            views.put("account " + account, view(api, proj, "/v1/accounts/" + account));
            views.put("statement " + account, view(api, proj, "/v1/accounts/" + account + "/transactions?limit=500"));
        }
        for (String payment : List.of(fx.requested(), fx.authorized(), fx.captured())) {
            views.put("payment " + payment, view(api, proj, "/v1/payments/" + payment));
        }
        views.put("transfer", view(api, proj, "/v1/transfers/" + fx.transfer()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        views.put("sales", view(api, proj, "/v1/merchants/" + fx.merchant() + "/sales?from=" + today.minusDays(2)
                + "&to=" + today.plusDays(2)));
        views.put("rebuild", view(api, proj, "/admin/rebuild"));
        views.put("webhook endpoints", view(api, notif, "/v1/webhook-endpoints"));
        views.put("deliveries", view(api, notif, "/v1/webhook-endpoints/" + fx.endpoint() + "/deliveries?limit=200"));
        views.put("dead letters", view(api, notif, "/v1/webhook-endpoints/" + fx.endpoint() + "/dead-letters"));
        JsonNode keys = JSON.readTree(view(api, Template.Service.COMMAND, "/v1/api-keys?includeRevoked=true"));
        keys.forEach(key -> ((ObjectNode) key).remove("lastUsedAt")); // any authenticated request uses its key
        views.put("api keys", keys.toString());
        return views;
    }

    private static String view(Fixture.Api api, Template.Service service, String path) throws Exception {
        java.net.http.HttpResponse<String> response = api.send(service, "GET", path, null);
        return response.statusCode() + " " + response.body();
    }

    private static Map<String, String> tables(Sources s) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        for (Map.Entry<Template.Service, PostgresDatabase> db : s.dbs().entrySet()) {
            try (Connection c = db.getValue().connect(); Statement st = c.createStatement()) {
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    String filter = switch (table) {
                        case "token_entry" -> null;
                        case "idempotency_record" -> db.getKey() == Template.Service.COMMAND ? " WHERE t.status < 400" : "";
                        default -> "";
                    };
                    if (filter == null) {
                        continue;
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY "
                            + "t::text)), '-') FROM \"" + table + "\" t" + filter)) {
                        rs.next();
                        sums.put(db.getKey() + "." + table, rs.getLong(1) + " rows " + rs.getString(2));
                    }
                }
            }
        }
        return sums;
    }

    private static long recordedRefusals(PostgresDatabase commandDb) throws Exception {
        try (Connection c = commandDb.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM idempotency_record WHERE status >= 400")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
