package io.walletledger.command;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger command API",
        version = "1",
        description = "Commands that move money: accounts, deposits, withdrawals, transfers, merchant payments. "
                + "Every request needs an API key (Authorization: Bearer <key>) whose role or grants allow the "
                + "operation; a MERCHANT key acts only for its own merchant account. Every POST needs an "
                + "Idempotency-Key header; errors are RFC 9457 application/problem+json with a stable code.",
        license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "wl_live_... API key",
        description = "An API key (wl_live_... in production, wl_test_... in test deployments) from POST /v1/api-keys")
public final class CommandServiceApplication {

    private CommandServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CommandServiceApplication.class, args);
    }
}
