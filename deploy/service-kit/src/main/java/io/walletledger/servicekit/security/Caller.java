package io.walletledger.servicekit.security;

import io.micronaut.http.HttpStatus;
import io.walletledger.servicekit.http.ProblemException;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/** The authenticated holder of the request's API key. */
public record Caller(String keyId, Role role, String merchantAccountId, Set<Permission> permissions) {

    public static final String ATTRIBUTE = "ledger.caller";

    public Caller {
        Objects.requireNonNull(keyId);
        Objects.requireNonNull(role);
        permissions = Set.copyOf(permissions);
        if (role == Role.MERCHANT && merchantAccountId == null) {
            throw new IllegalArgumentException("a merchant key names its merchant account");
        }
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isMerchant() {
        return role == Role.MERCHANT;
    }

    /**
     * Whether data belonging to any of these merchant accounts (or, for an account, being one of
     * them) may be shown: always, except to a merchant not among them. Callers answer 404 when not,
     * so a merchant cannot learn that another tenant's resource exists.
     */
    public boolean sees(String... ownerAccountIds) {
        return !isMerchant() || Arrays.asList(ownerAccountIds).contains(merchantAccountId);
    }

    /** Refuses (403) a merchant naming another merchant as the one it acts or reads for. */
    public void requireTenant(String merchantAccountId) {
        if (isMerchant() && !this.merchantAccountId.equals(merchantAccountId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
                    "this API key belongs to another merchant account and cannot act for " + merchantAccountId);
        }
    }
}
