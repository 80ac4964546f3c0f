package io.walletledger.command;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger command API",
        version = "1",
        description = "Commands that move money: accounts, deposits, withdrawals, transfers, merchant payments. "
                + "Every POST needs an Idempotency-Key header; errors are RFC 9457 application/problem+json "
                + "with a stable code.",
        license = @License(name = "Apache-2.0")))
public final class CommandServiceApplication {

    private CommandServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CommandServiceApplication.class, args);
    }
}
