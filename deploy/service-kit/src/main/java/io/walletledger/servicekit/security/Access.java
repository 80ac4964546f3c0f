package io.walletledger.servicekit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint needs (any one of those listed). A route without it is for ADMIN keys
 * only: access is denied by default. Tenant checks (a merchant's own data) are the controller's, on
 * the {@link Caller} it is given.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
    Permission[] value();
}
