package io.walletledger.servicekit.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/**
 * A body that is not what its Content-Encoding says (plain JSON declared as gzip) is the client's
 * error: 400, not the framework's 500.
 */
@Singleton
@Produces
@Requires(classes = {DecompressionException.class, ExceptionHandler.class})
public class UndecodableBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DecompressionException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "validation_failed", "the body is not "
                + request.getHeaders().get(HttpHeaders.CONTENT_ENCODING) + " data, as its Content-Encoding says");
    }
}
