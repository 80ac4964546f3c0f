package io.walletledger.notification;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger notification API",
        version = "1",
        description = "Webhook endpoints of merchants, their signed deliveries (Standard Webhooks) with the "
                + "delivery log, retries and dead letters, and a live Server-Sent Events stream per merchant. "
                + "Errors are RFC 9457 application/problem+json with a stable code.",
        license = @License(name = "Apache-2.0")))
public final class NotificationServiceApplication {

    private NotificationServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(NotificationServiceApplication.class, args);
    }
}
