package io.walletledger.projection.query;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/** A query answer with the {@code Consistency} header telling whether the caller's token was applied. */
public final class Consistent {

    private Consistent() {
    }

    public static <T> MutableHttpResponse<T> ok(T body, ReadYourWrites.Consistency consistency) {
        return HttpResponse.ok(body).header(ReadYourWrites.RESULT_HEADER, consistency.name().toLowerCase());
    }

    /** The token from the query parameter, else from the header. */
    public static String token(String parameter, String header) {
        return parameter != null && !parameter.isBlank() ? parameter : header;
    }
}
