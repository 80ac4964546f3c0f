package io.walletledger.notification;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger notification API",
        version = "1",
        description = "Webhook endpoints of merchants, their signed deliveries (Standard Webhooks) with the "
                + "delivery log, retries and dead letters, and a live Server-Sent Events stream per merchant. "
                + "Every request needs an API key (Authorization: Bearer <key>); a merchant key sees and "
                + "changes only its own merchant's endpoints and events. "
                + "Errors are RFC 9457 application/problem+json with a stable code.",
        license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A Wallet Ledger API key (wl_live_… or wl_test_…): webhooks:read or webhooks:manage for "
                + "the endpoints and their deliveries, events:read for the live stream")
public final class NotificationServiceApplication {

    private NotificationServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(NotificationServiceApplication.class, args);
    }
}
