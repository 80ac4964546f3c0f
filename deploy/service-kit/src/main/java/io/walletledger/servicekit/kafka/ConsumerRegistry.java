package io.walletledger.servicekit.kafka;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The service's running event consumers by name, for health and operators. */
@Singleton
public class ConsumerRegistry {

    private final Map<String, TransactionalEventConsumer> consumers = new ConcurrentHashMap<>();

    public void register(TransactionalEventConsumer consumer) {
        consumers.put(consumer.name(), consumer);
    }

    public void unregister(TransactionalEventConsumer consumer) {
        consumers.remove(consumer.name(), consumer);
    }

    public List<ConsumerStatus> statuses() {
        return consumers.values().stream().map(TransactionalEventConsumer::status).toList();
    }
}
