package io.walletledger.command.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * The outcome of a command on {@code ledger.command-results.v1}, keyed by commandId: ACCEPTED with the
 * resource (the HTTP response body, with its consistency token), or REJECTED with the problem.
 * A replayed commandId publishes the first outcome again ({@code replayed: true}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommandResult(String commandId, String type, String issuer, String status, int httpStatus,
                     @JsonRawValue String resource, @JsonRawValue String problem, boolean replayed,
                     Instant processedAt) {

    static final String ACCEPTED = "ACCEPTED";
    static final String REJECTED = "REJECTED";
}
