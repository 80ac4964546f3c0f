package io.walletledger.servicekit.security;

/**
 * Who holds an API key. ADMIN may do everything; AUDITOR reads everything and changes nothing;
 * MERCHANT acts only for its own merchant account; SERVICE (an upstream system) may do exactly the
 * operations it was granted, for any customer.
 */
public enum Role {
    ADMIN,
    MERCHANT,
    SERVICE,
    AUDITOR
}
