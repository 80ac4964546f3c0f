package io.walletledger.servicekit.http;

import io.micronaut.http.HttpStatus;

/** A request the edge refuses before it reaches the domain: nothing has changed. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ProblemException(HttpStatus status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ProblemException validation(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation_failed", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not_found", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
