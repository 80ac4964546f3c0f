package io.walletledger.command.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.walletledger.command.idempotency.IdempotentExecutor;
import io.walletledger.command.idempotency.Outcome;
import io.walletledger.command.operations.Prepared;
import io.walletledger.servicekit.http.IdempotencyKey;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.security.Caller;
import jakarta.inject.Singleton;


/** What every command POST shares: the Idempotency-Key (I7), the recorded outcome, the replay marker. */
@Singleton
class CommandEndpoint {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The scope ADMIN and SERVICE keys share with the Kafka intake, as before keys existed. */
    private static final String SHARED = "anonymous";

    private final IdempotentExecutor executor;

    CommandEndpoint(IdempotentExecutor executor) {
        this.executor = executor;
    }

    HttpResponse<String> run(HttpRequest<?> request, JsonRequest body, Prepared prepared) {
        String key = IdempotencyKey.required(request.getHeaders().get(IDEMPOTENCY_KEY));
        String fingerprint = request.getMethodName() + " " + request.getPath() + "\n" + body.canonical();
        IdempotentExecutor.Result result = executor.execute(scopeOf(Tenancy.callerOf(request)), key, fingerprint,
                prepared.success().getCode(), prepared.command());
        Outcome outcome = result.outcome();
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(outcome.status()))
                .body(outcome.body())
                .contentType(outcome.succeeded() ? MediaType.APPLICATION_JSON : Problem.MEDIA_TYPE);
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response;
    }

    /**
     * Each merchant has an idempotency scope of its own: a key another tenant used (by chance or by
     * probing) runs afresh instead of replaying that tenant's response.
     */
    static String scopeOf(Caller caller) {
        return caller.isMerchant() ? "merchant:" + caller.merchantAccountId() : SHARED;
    }
}
