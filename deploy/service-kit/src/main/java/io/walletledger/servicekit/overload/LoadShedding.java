package io.walletledger.servicekit.overload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.walletledger.servicekit.http.Problems;


/**
 * Bounded work instead of unbounded queues: at most {@code max-in-flight} API requests run at once;
 * one more waits at most {@code max-wait} for a slot, else it is answered 503 {@code overloaded} with
 * Retry-After, having changed nothing. With a {@code latency-target} the limit adapts between
 * {@code min-in-flight} and {@code max-in-flight} to how long requests take ({@link AdaptiveLimit}), so
 * that when the instance slows down, the requests it accepts still finish in about the target and the
 * excess is shed. So an offered load above what the instance sustains costs neither memory nor the
 * latency of the requests it accepts. Runs after authentication, so a refused key never takes a slot;
 * health and metrics are not limited.
 */
@ServerFilter("/v1/**")
@Order(-500)
public class LoadShedding {

    /** The {@link System#nanoTime()} at which the request took its slot. */
    private static final String ADMITTED_AT = "ledger.overload.admitted";

    private final OverloadSettings settings;
    private final AdaptiveLimit slots;
    private final Counter shed;

    public LoadShedding(OverloadSettings settings, MeterRegistry meters) {
        this.settings = settings;
        int max = Math.max(1, settings.getMaxInFlight());
        this.slots = new AdaptiveLimit(Math.min(max, Math.max(1, settings.getMinInFlight())), max,
                settings.getLatencyTarget().toNanos());
        this.shed = Counter.builder("ledger.http.shed").description("API requests refused with 503: overloaded")
                .register(meters);
        Gauge.builder("ledger.http.in.flight", slots, AdaptiveLimit::inFlight)
                .description("API requests being worked on").register(meters);
        Gauge.builder("ledger.http.limit", slots, AdaptiveLimit::limit)
                .description("API requests the instance works on at once now (adapts to the latency target)")
                .register(meters);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // the wait for a slot must not hold an event loop
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) throws InterruptedException {
        if (settings.getMaxInFlight() <= 0) {
            return null;
        }
        if (!slots.tryAcquire(settings.getMaxWait().toNanos())) {
            shed.increment();
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                    "the service is at its limit of " + slots.limit() + " requests at once; retry after "
                            + settings.getRetryAfterSeconds() + " s").header(HttpHeaders.RETRY_AFTER,
                    Integer.toString(settings.getRetryAfterSeconds()));
        }
        request.setAttribute(ADMITTED_AT, System.nanoTime());
        return null;
    }

    @ResponseFilter
    public void release(HttpRequest<?> request) {
        request.getAttribute(ADMITTED_AT, Long.class).ifPresent(admitted -> {
            request.removeAttribute(ADMITTED_AT, Long.class);
            long now = System.nanoTime();
            slots.release(now - admitted, now);
        });
    }
}
