package io.walletledger.command.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.walletledger.servicekit.security.ApiKeyRecord;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Permission;
import io.walletledger.servicekit.security.Role;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An API key as the API shows it: the key itself only in the response that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyView(String id, @Nullable String key, String prefix, Role role, @Nullable String merchantAccountId,
                  List<String> permissions, @Nullable String description, String status, Instant createdAt,
                  @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    static ApiKeyView of(ApiKeyRecord record, String plaintext, ApiKeyRegistry registry) {
        Set<Permission> grants = record.grants() == null ? Set.of()
                : record.grants().stream().map(g -> Permission.of(g).orElseThrow()).collect(java.util.stream.Collectors.toSet());
        List<String> permissions = Permission.of(record.role(), grants).stream().map(Permission::wireName).sorted().toList();
        return new ApiKeyView(record.id(), plaintext, record.prefix(), record.role(), record.merchantAccountId(),
                permissions, record.description(), record.revoked() ? "REVOKED" : "ACTIVE", record.createdAt(),
                record.revokedAt(), registry.lastUsedAt(record.id()).orElse(null));
    }

    /** The body of {@code POST /v1/api-keys} (documentation only). */
    record CreateRequest(Role role, @Nullable String merchantAccountId, @Nullable List<String> grants,
                         @Nullable String description) {
    }
}
