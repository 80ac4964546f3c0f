package io.walletledger.servicekit.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an endpoint needs. Each role has a fixed set ({@link #of(Role, Set)}); a SERVICE key has only
 * the grantable permissions it was created with. Wire names ({@code payments:capture}) are what the
 * key API and the Kafka issuer configuration use.
 */
public enum Permission {
    ACCOUNTS_OPEN("accounts:open", true),
    ACCOUNTS_MANAGE("accounts:manage", true),
    DEPOSITS_CREATE("deposits:create", true),
    WITHDRAWALS_CREATE("withdrawals:create", true),
    TRANSFERS_CREATE("transfers:create", true),
    PAYMENTS_CREATE("payments:create", true),
    PAYMENTS_AUTHORIZE("payments:authorize", true),
    PAYMENTS_CAPTURE("payments:capture", true),
    PAYMENTS_CANCEL("payments:cancel", true),
    PAYMENTS_REFUND("payments:refund", true),
    ACCOUNTS_READ("accounts:read", true),
    PAYMENTS_READ("payments:read", true),
    TRANSFERS_READ("transfers:read", true),
    SALES_READ("sales:read", false),
    WEBHOOKS_READ("webhooks:read", false),
    WEBHOOKS_MANAGE("webhooks:manage", false),
    EVENTS_READ("events:read", false),
    KEYS_MANAGE("keys:manage", false),
    PROJECTIONS_REBUILD("projections:rebuild", false),
    METRICS_READ("metrics:read", false);

    private static final Set<Permission> AUDITOR = EnumSet.of(ACCOUNTS_READ, PAYMENTS_READ, TRANSFERS_READ,
            SALES_READ, WEBHOOKS_READ, EVENTS_READ, METRICS_READ);
    private static final Set<Permission> MERCHANT = EnumSet.of(PAYMENTS_CREATE, PAYMENTS_CAPTURE, PAYMENTS_CANCEL,
            PAYMENTS_REFUND, ACCOUNTS_READ, PAYMENTS_READ, TRANSFERS_READ, SALES_READ, WEBHOOKS_READ,
            WEBHOOKS_MANAGE, EVENTS_READ);

    private final String wireName;
    private final boolean grantable;

    Permission(String wireName, boolean grantable) {
        this.wireName = wireName;
        this.grantable = grantable;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a SERVICE key may be granted it (the rest belong to fixed roles). */
    public boolean grantable() {
        return grantable;
    }

    public static Optional<Permission> of(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wireName)).findFirst();
    }

    /** The permissions of a key: fixed per role, the grants for SERVICE. */
    public static Set<Permission> of(Role role, Set<Permission> grants) {
        return switch (role) {
            case ADMIN -> EnumSet.allOf(Permission.class);
            case AUDITOR -> EnumSet.copyOf(AUDITOR);
            case MERCHANT -> EnumSet.copyOf(MERCHANT);
            case SERVICE -> grants.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(grants);
        };
    }
}
