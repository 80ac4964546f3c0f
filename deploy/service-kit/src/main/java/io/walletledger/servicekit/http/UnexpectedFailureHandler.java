package io.walletledger.servicekit.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.walletledger.servicekit.database.DatabaseFailures;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What no more specific handler answers. A request that failed because the database does not answer
 * (no connection within the pool's timeout, a connection lost, the server shutting down or starting up)
 * is {@code 503 database_unavailable} with Retry-After: the client retries with its Idempotency-Key
 * and gets one outcome. Anything else is {@code 500 internal_error}, logged with its stack trace,
 * with no detail of the failure in the answer.
 */
@Singleton
@Produces
@Requires(classes = ExceptionHandler.class)
public class UnexpectedFailureHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {

    static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailureHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
        if (DatabaseFailures.unavailable(e)) {
            LOG.warn("{} {}: the database does not answer: {}", request.getMethodName(), request.getPath(), rootOf(e));
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                            "no database connection in time (the database does not answer, or every connection is busy); "
                                    + "retry with the same Idempotency-Key after "
                                    + RETRY_AFTER_SECONDS + " s")
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        LOG.error("{} {}: unexpected failure", request.getMethodName(), request.getPath(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "internal error");
    }

    private static String rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
