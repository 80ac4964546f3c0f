package io.walletledger.command.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.http.Problems;
import io.walletledger.violation.LedgerViolation;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** Maps the domain's refusals to problem+json: typed violations and unknown aggregates. */
final class ProblemHandlers {

    private ProblemHandlers() {
    }

    @Singleton
    @Produces
    @Requires(classes = {LedgerViolation.class, ExceptionHandler.class})
    static class Violated implements ExceptionHandler<LedgerViolation, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, LedgerViolation e) {
            io.walletledger.command.idempotency.ViolationCodes.Mapping mapping = io.walletledger.command.idempotency.ViolationCodes.of(e);
            return Problems.response(mapping.status(), mapping.code(), e.getMessage());
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {AggregateNotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<AggregateNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, AggregateNotFoundException e) {
            return Problems.response(HttpStatus.NOT_FOUND, "not_found", "no such resource: " + e.getAggregateIdentifier());
        }
    }
}
