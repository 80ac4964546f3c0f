package io.walletledger.projection.changefeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.walletledger.envelope.LedgerJson;
import io.walletledger.servicekit.kafka.KafkaSettings;
import io.walletledger.servicekit.kafka.TopicProvisioner;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Publishes changed views to their compacted topics ({@code ledger.account-views.v1},
 * {@code ledger.merchant-sales.v1}): reads the keys projectors marked in {@code view_change}, sends
 * each view's current state, waits for the broker's acknowledgement and only then removes the mark
 * (unless the view changed again meanwhile). At least once, latest state wins on compaction.
 */
@Context
class ChangeFeedPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedPublisher.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final Map<String, ChangeFeed> feeds;
    private final KafkaSettings kafka;
    private final Duration interval;
    private final ObjectMapper json = LedgerJson.newObjectMapper();
    private final Counter published;
    private KafkaProducer<String, byte[]> producer;
    private Thread thread;
    private volatile boolean running = true;

    ChangeFeedPublisher(DataSource dataSource, List<ChangeFeed> feeds, KafkaSettings kafka, MeterRegistry meters,
                        @Value("${ledger.projections.change-feed-interval:200ms}") Duration interval) {
        this.dataSource = dataSource;
        this.feeds = feeds.stream().collect(Collectors.toMap(ChangeFeed::view, Function.identity()));
        this.kafka = kafka;
        this.interval = interval;
        this.published = Counter.builder("ledger.projection.changes.published").register(meters);
    }

    @PostConstruct
    void start() {
        NewTopic[] topics = feeds.values().stream()
                .map(feed -> new NewTopic(feed.topic(), Optional.of(kafka.getEventsTopicPartitions()), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                .toArray(NewTopic[]::new);
        TopicProvisioner.ensure(kafka.getBootstrapServers(), topics);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "projection-service.change-feed",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
        thread = new Thread(this::run, "change-feed-publisher");
        thread.start();
    }

    private void run() {
        while (running) {
            int published;
            try {
                published = publishOnce();
            } catch (RuntimeException | SQLException | ExecutionException e) {
                LOG.warn("change feed: publishing failed, will retry: {}", e.toString());
                published = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (published < BATCH) {
                    idle(published < 0 ? Duration.ofSeconds(1) : interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Change(String view, String key, long revision) {
    }

    /** Publishes up to one batch of changed views; returns how many. */
    int publishOnce() throws SQLException, ExecutionException, InterruptedException {
        List<Change> changes = pending();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Change change : changes) {
            ChangeFeed feed = feeds.get(change.view());
            if (feed != null) {
                sends.add(producer.send(new ProducerRecord<>(feed.topic(), change.key(),
                        feed.current(change.key()).map(this::bytes).orElse(null))));
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
        remove(changes);
        published.increment(sends.size());
        return changes.size();
    }

    private byte[] bytes(Object view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + view.getClass().getSimpleName(), e);
        }
    }

    private List<Change> pending() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT view_name, view_key, revision FROM view_change")) {
            select.setMaxRows(BATCH);
            List<Change> changes = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    changes.add(new Change(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return changes;
        }
    }

    private void remove(List<Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM view_change WHERE view_name = ? AND view_key = ? AND revision = ?")) {
            for (Change change : changes) {
                delete.setString(1, change.view());
                delete.setString(2, change.key());
                delete.setLong(3, change.revision());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Waits without interrupting the thread (an interrupt would close H2's file channel). */
    private void idle(Duration duration) throws InterruptedException {
        synchronized (this) {
            if (running) {
                wait(duration.toMillis());
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        if (thread != null) {
            thread.join(30_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
