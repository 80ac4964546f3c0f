package io.walletledger.notification.stream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.envelope.EventCatalog;
import io.walletledger.notification.merchant.Merchants;
import io.walletledger.notification.merchant.NewEvents;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;
import jakarta.annotation.PreDestroy;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /v1/merchants/{id}/events}: the merchant's events as Server-Sent Events, each with its
 * CloudEvents JSON as data, its type as event name and a position as id. A client that reconnects with
 * {@code Last-Event-ID} (or {@code ?lastEventId=}) gets every event after it that is still retained; a
 * new client starts with the next event. A {@code heartbeat} event without id opens the stream and then
 * keeps it open after 15 s without an event. A merchant key streams only its own merchant's events.
 */
@Controller("/v1/merchants")
class MerchantEventStreamController {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantEventStreamController.class);
    private static final int PAGE = 100;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration SLOW_CLIENT_PAUSE = Duration.ofMillis(20);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(3);
    /** How often an open stream checks that its key is still valid. */
    private static final Duration KEY_CHECK = Duration.ofSeconds(1);

    private final Merchants merchants;
    private final MerchantEventLog log;
    private final NewEvents newEvents;
    private final ApiKeyRegistry keys;
    private final Set<Thread> pumps = ConcurrentHashMap.newKeySet();

    MerchantEventStreamController(Merchants merchants, MerchantEventLog log, NewEvents newEvents, ApiKeyRegistry keys) {
        this.merchants = merchants;
        this.log = log;
        this.newEvents = newEvents;
        this.keys = keys;
    }

    @Operation(summary = "Live stream of a merchant's events (Server-Sent Events, resumable with Last-Event-ID)")
    @Get(uri = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @Access(Permission.EVENTS_READ)
    Publisher<Event<String>> stream(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                    @Nullable @Header("Last-Event-ID") String lastEventIdHeader,
                                    @Nullable @QueryValue String lastEventId,
                                    @Nullable @QueryValue String types) throws SQLException {
        caller.requireTenant(id);
        Set<String> wanted = types(types);
        if (!merchants.exists(id)) {
            throw ProblemException.notFound("no MERCHANT account " + id);
        }
        String resumeFrom = lastEventIdHeader != null ? lastEventIdHeader : lastEventId;
        long after = resumeFrom == null ? log.latest() : position(resumeFrom);
        return Flux.create(sink -> {
            Thread pump = Thread.ofVirtual().name("sse-" + id)
                    .unstarted(() -> pump(sink, id, after, wanted, () -> keys.accepts(caller)));
            pumps.add(pump);
            sink.onDispose(() -> {
                pumps.remove(pump);
                pump.interrupt();
            });
            pump.start();
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** Ends every open stream (clients reconnect with Last-Event-ID to another instance or after a restart). */
    @PreDestroy
    void closeStreams() {
        pumps.forEach(Thread::interrupt);
    }

    private void pump(FluxSink<Event<String>> sink, String merchant, long after, Set<String> wanted,
                      BooleanSupplier keyAccepted) {
        long cursor = after;
        // sent at once so the response starts now, and telling clients to reconnect after 3 s
        sink.next(Event.of("{}").name("heartbeat").retry(RECONNECT_AFTER));
        long lastSent = System.nanoTime();
        long fetchedAt = Long.MIN_VALUE;
        boolean full = false;
        try {
            while (!sink.isCancelled()) {
                if (!keyAccepted.getAsBoolean()) {
                    sink.complete(); // the key was revoked: the stream it opened ends too
                    return;
                }
                if (sink.requestedFromDownstream() == 0) {
                    LockSupport.parkNanos(SLOW_CLIENT_PAUSE.toNanos()); // the client reads slowly: fetch no more yet
                    continue;
                }
                long seen = newEvents.generation();
                if (full || seen != fetchedAt) {
                    List<MerchantEventLog.Entry> page = log.after(merchant, cursor, PAGE);
                    fetchedAt = seen;
                    full = page.size() == PAGE;
                    for (MerchantEventLog.Entry entry : page) {
                        cursor = entry.seq();
                        if (wanted.isEmpty() || wanted.contains(entry.type())) {
                            sink.next(Event.of(entry.body()).id(Long.toString(entry.seq())).name(entry.type()));
                            lastSent = System.nanoTime();
                        }
                    }
                }
                if (!full) {
                    long quiet = System.nanoTime() - lastSent;
                    Duration untilHeartbeat = HEARTBEAT.minusNanos(Math.min(quiet, HEARTBEAT.toNanos()));
                    newEvents.awaitAfter(seen, untilHeartbeat.compareTo(KEY_CHECK) < 0 ? untilHeartbeat : KEY_CHECK);
                    if (System.nanoTime() - lastSent >= HEARTBEAT.toNanos() && !sink.isCancelled()) {
                        sink.next(Event.of("{}").name("heartbeat"));
                        lastSent = System.nanoTime();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.complete();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("live stream of {} ended: {}", merchant, e.toString());
            sink.error(e);
        }
    }

    /** Digits only: Long.parseLong would also take " 7" after a trim, "+7" and "٧" (an Arabic-Indic seven). */
    private static long position(String lastEventId) {
        if (!lastEventId.matches("[0-9]{1,18}")) {
            throw ProblemException.validation("Last-Event-ID must be an id this stream sent (a non-negative integer)");
        }
        return Long.parseLong(lastEventId);
    }

    private static Set<String> types(String types) {
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.stream(types.split(",")).map(String::trim).toList());
        for (String type : wanted) {
            if (EventCatalog.classOf(type).isEmpty()) {
                throw ProblemException.validation("unknown event type in 'types': " + type);
            }
        }
        return wanted;
    }
}
