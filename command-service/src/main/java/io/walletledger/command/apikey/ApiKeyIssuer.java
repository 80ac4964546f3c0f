package io.walletledger.command.apikey;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.command.config.FirstEvents;
import io.walletledger.servicekit.http.IdempotencyKey;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.ApiKeyRecord;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Permission;
import io.walletledger.servicekit.security.Role;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Mints keys. A merchant key names an opened MERCHANT account; a SERVICE key lists the
 * grantable permissions it has; ADMIN and AUDITOR keys have their role's fixed permissions. An
 * Idempotency-Key replays the creation (without the key, which is shown once) or conflicts (409).
 */
@Singleton
class ApiKeyIssuer {

    record Issued(ApiKeyRecord record, String plaintext, boolean replayed) {
    }

    private final ApiKeyRegistry registry;
    private final FirstEvents firstEvents;

    ApiKeyIssuer(ApiKeyRegistry registry, FirstEvents firstEvents) {
        this.registry = registry;
        this.firstEvents = firstEvents;
    }

    synchronized Issued issue(JsonRequest body, String idempotencyKey) {
        JsonRequest request = body.onlyFields("role", "merchantAccountId", "grants", "description");
        String fingerprint = request.canonical();
        if (IdempotencyKey.optional(idempotencyKey) != null) {
            var earlier = registry.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!fingerprint.equals(earlier.get().fingerprint())) {
                    throw ApiKeyController.conflict("Idempotency-Key " + idempotencyKey + " created another key");
                }
                return new Issued(earlier.get(), null, true);
            }
        }
        Role role = request.requiredEnum("role", Role.class, Role.values());
        String merchant = request.optionalText("merchantAccountId", 64);
        List<String> grants = request.optionalTextList("grants", Permission.values().length, 64);
        String description = request.optionalText("description", 200);
        validate(role, merchant, grants);
        ApiKeyRegistry.Issued issued = registry.issue(role, merchant, grants, description, idempotencyKey, fingerprint);
        return new Issued(issued.record(), issued.plaintext(), false);
    }

    private void validate(Role role, String merchant, List<String> grants) {
        boolean hasGrants = grants != null && !grants.isEmpty();
        if (role == Role.MERCHANT && merchant == null) {
            throw ProblemException.validation("a MERCHANT key needs merchantAccountId");
        }
        if (role != Role.MERCHANT && merchant != null) {
            throw ProblemException.validation("only a MERCHANT key has a merchantAccountId");
        }
        if (role == Role.SERVICE && !hasGrants) {
            throw ProblemException.validation("a SERVICE key needs grants, for example [\"deposits:create\"]");
        }
        if (role != Role.SERVICE && hasGrants) {
            throw ProblemException.validation("only a SERVICE key has grants; " + role + " has fixed permissions");
        }
        if (hasGrants) {
            List<String> unknown = new ArrayList<>();
            for (String grant : grants) {
                if (Permission.of(grant).filter(Permission::grantable).isEmpty()) {
                    unknown.add(grant);
                }
            }
            if (!unknown.isEmpty()) {
                throw ProblemException.validation("not grantable to a SERVICE key: " + unknown + "; grantable: "
                        + java.util.Arrays.stream(Permission.values()).filter(Permission::grantable).map(Permission::wireName).toList());
            }
        }
        if (merchant != null && !isMerchantAccount(merchant)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unknown_merchant",
                    "no MERCHANT account " + merchant + " has been opened");
        }
    }

    private boolean isMerchantAccount(String accountId) {
        return firstEvents.of(accountId).orElse(null) instanceof AccountOpened opened
                && opened.type() == AccountType.MERCHANT;
    }
}
