package io.walletledger.servicekit.security;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An API key as kept on {@code ledger.api-keys.v1} (compacted, key = {@code key/<id>}): everything but
 * the key itself, of which only the SHA-256 is kept. Every service reads the topic into memory.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyRecord(String id, String prefix, String sha256, Role role, String merchantAccountId,
                           List<String> grants, String description, Instant createdAt, Instant revokedAt,
                           String idempotencyKey, String fingerprint) {

    /** A new, active key's record: everything about it but the key, of which only the SHA-256. */
    public static ApiKeyRecord of(ApiKeyFormat.Minted minted, Role role, String merchantAccountId, List<String> grants,
                                  String description, Instant createdAt, String idempotencyKey, String fingerprint) {
        return new ApiKeyRecord(minted.id(), minted.prefix(), ApiKeyFormat.hashHex(minted.plaintext()), role,
                merchantAccountId, grants == null || grants.isEmpty() ? null : List.copyOf(grants), description,
                createdAt, null, idempotencyKey, fingerprint);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKeyRecord revokedAt(Instant at) {
        return new ApiKeyRecord(id, prefix, sha256, role, merchantAccountId, grants, description, createdAt, at,
                idempotencyKey, fingerprint);
    }
}
