package io.walletledger.command.config;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;

import java.util.Optional;

/**
 * The event that started an aggregate's stream (an account's opening, a payment's request), read from
 * the event store itself, never from a snapshot: who owns what, for checks made before a command runs.
 */
@Singleton
public class FirstEvents {

    private final Provider<Configuration> axon;

    FirstEvents(Provider<Configuration> axon) {
        this.axon = axon;
    }

    public Optional<Object> of(String aggregateId) {
        DomainEventStream stream = axon.get().eventStore().readEvents(aggregateId, 0);
        return stream.hasNext() ? Optional.of(stream.next().getPayload()) : Optional.empty();
    }
}
