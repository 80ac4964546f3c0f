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

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounded work instead of unbounded queues: at most {@code max-in-flight} API requests run at once;
 * one more waits at most {@code max-wait} for a slot, else it is answered 503 {@code overloaded} with
 * Retry-After, having changed nothing. So an offered load above what the instance sustains costs
 * neither memory nor the latency of the requests it accepts. Runs after authentication, so a refused
 * key never takes a slot; health and metrics are not limited.
 */
@ServerFilter("/v1/**")
@Order(-500)
public class LoadShedding {

    private static final String HOLDS_PERMIT = "ledger.overload.permit";

    private final OverloadSettings settings;
    private final Semaphore slots;
    private final Counter shed;

    public LoadShedding(OverloadSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.slots = new Semaphore(Math.max(1, settings.getMaxInFlight()));
        this.shed = Counter.builder("ledger.http.shed").description("API requests refused with 503: overloaded")
                .register(meters);
        Gauge.builder("ledger.http.in.flight", slots, s -> Math.max(0, settings.getMaxInFlight() - s.availablePermits()))
                .description("API requests being worked on").register(meters);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // the wait for a slot must not hold an event loop
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) throws InterruptedException {
        if (settings.getMaxInFlight() <= 0) {
            return null;
        }
        if (!slots.tryAcquire(settings.getMaxWait().toNanos(), TimeUnit.NANOSECONDS)) {
            shed.increment();
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                    "the service is at its limit of " + settings.getMaxInFlight() + " requests at once; retry after "
                            + settings.getRetryAfterSeconds() + " s").header(HttpHeaders.RETRY_AFTER,
                    Integer.toString(settings.getRetryAfterSeconds()));
        }
        request.setAttribute(HOLDS_PERMIT, Boolean.TRUE);
        return null;
    }

    @ResponseFilter
    public void release(HttpRequest<?> request) {
        if (request.getAttribute(HOLDS_PERMIT).isPresent()) {
            request.removeAttribute(HOLDS_PERMIT, Object.class);
            slots.release();
        }
    }
}
