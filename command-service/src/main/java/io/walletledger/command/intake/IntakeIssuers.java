package io.walletledger.command.intake;

import io.walletledger.servicekit.http.Problem;
import io.walletledger.servicekit.security.Permission;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which issuers may send which commands ({@code ledger.intake.issuers}: name → grants, the wire names
 * of API key permissions). A command needs the permission of its HTTP route; an issuer that is not
 * configured may send nothing. Whoever can write to the topic can still claim any issuer: the topic's
 * ACLs decide who writes; this decides what each named upstream may do, and refuses the rest.
 */
@Singleton
class IntakeIssuers {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeIssuers.class);

    private final Map<String, Set<Permission>> grants;

    IntakeIssuers(IntakeSettings settings) {
        this.grants = resolve(settings.getIssuers());
        if (grants.isEmpty()) {
            LOG.warn("no ledger.intake.issuers configured: every command on the Kafka intake is refused (forbidden)");
        }
    }

    /** The 403 problem for a command its issuer may not send, or empty when it may. */
    Optional<Problem> refusal(CommandEnvelope command) {
        Set<Permission> granted = grants.get(command.issuer());
        if (granted == null) {
            return Optional.of(forbidden("issuer '" + command.issuer() + "' is not configured in ledger.intake.issuers"));
        }
        Permission needed = command.type().permission();
        if (!granted.contains(needed)) {
            return Optional.of(forbidden("issuer '" + command.issuer() + "' is not granted " + needed.wireName()
                    + ", which " + command.type().wireName() + " needs"));
        }
        return Optional.empty();
    }

    private static Problem forbidden(String detail) {
        return Problem.of(403, "forbidden", "Forbidden", detail);
    }

    /** Refuses to start on a grant that names no permission: a typo would otherwise refuse commands silently. */
    private static Map<String, Set<Permission>> resolve(Map<String, List<String>> configured) {
        Map<String, Set<Permission>> resolved = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        configured.forEach((issuer, names) -> {
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (String name : names == null ? List.<String>of() : names) {
                Permission.of(name.trim()).ifPresentOrElse(permissions::add, () -> unknown.add(issuer + ": " + name));
            }
            resolved.put(issuer, permissions);
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("ledger.intake.issuers names unknown permissions " + unknown
                    + "; use wire names like deposits:create");
        }
        return Map.copyOf(resolved);
    }
}
