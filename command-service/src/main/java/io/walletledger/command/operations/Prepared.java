package io.walletledger.command.operations;

import io.micronaut.http.HttpStatus;

import java.util.function.Supplier;

/** A validated request, ready to run under an idempotency key: its success status and its command. */
public record Prepared(HttpStatus success, Supplier<Object> command) {
}
