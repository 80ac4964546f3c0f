package io.walletledger.command.idempotency;

import jakarta.inject.Singleton;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Remembers, per request thread, the last sequence appended to each aggregate. The consistency token
 * a command response carries ({@code acc_1@3,pay_9@0}) lets a reader wait until the projections
 * have applied at least those events (read-your-writes).
 */
@Singleton
public class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final ThreadLocal<Map<String, Long>> appended = new ThreadLocal<>();

    /** Starts tracking this thread's appends (an operation under an idempotency key). */
    public void reset() {
        appended.set(new LinkedHashMap<>());
    }

    /** Stops tracking; processor threads are never tracked, so nothing accumulates on them. */
    public void stop() {
        appended.remove();
    }

    public String consistencyToken() {
        Map<String, Long> map = appended.get();
        return map == null ? "" : map.entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            Map<String, Long> map = appended.get();
            if (map != null && message instanceof DomainEventMessage<?> domain) {
                map.merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
            }
        }
        return (index, message) -> message;
    }
}
