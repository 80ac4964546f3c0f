package io.walletledger.servicekit.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/** Errors the framework raises itself (unknown route, wrong method or media type, oversized body) as problem+json. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (status.getCode() >= 500) {
            detail = "internal error";
        }
        return response.body(Problem.of(status.getCode(), codeOf(status), status.getReason(),
                        detail.isBlank() ? status.getReason() : detail))
                .contentType(Problem.MEDIA_TYPE);
    }

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "payload_too_large";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            default -> status.getCode() < 500 ? "validation_failed" : "internal_error";
        };
    }
}
