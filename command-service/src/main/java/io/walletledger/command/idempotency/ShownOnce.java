package io.walletledger.command.idempotency;

/**
 * A response with a secret in it (a second-factor enrollment): the first caller gets {@code full};
 * the idempotency record, and so any replay, keeps only {@code stored}, which has no secret.
 */
public record ShownOnce(Object full, Object stored) {
}
