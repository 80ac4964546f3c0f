package io.walletledger.command.http;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.walletledger.servicekit.http.Problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What every command POST documents alike: the Idempotency-Key header and problem+json refusals. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AccessRefusals
@Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true,
        description = "Repeating a request with the same key returns the first outcome and changes nothing",
        schema = @Schema(implementation = String.class, maxLength = 255))
@ApiResponse(responseCode = "400", description = "validation_failed, invalid_amount, unsupported_currency",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "not_found",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "idempotency_key_reused, idempotency_key_in_use, invalid_state, "
        + "concurrent_modification",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "422", description = "a ledger rule refused it: insufficient_funds, account_frozen, ...",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface CommandOperation {
}
