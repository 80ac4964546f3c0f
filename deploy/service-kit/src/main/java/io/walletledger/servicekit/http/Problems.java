package io.walletledger.servicekit.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String code, String detail) {
        return HttpResponse.<Problem>status(status)
                .body(Problem.of(status.getCode(), code, status.getReason(), detail))
                .contentType(Problem.MEDIA_TYPE);
    }
}
