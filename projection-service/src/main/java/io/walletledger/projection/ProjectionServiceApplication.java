package io.walletledger.projection;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.walletledger.projection.audit.AuditCommand;
import io.walletledger.projection.rebuild.RebuildCli;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger projection API",
        version = "1",
        description = "Read models built from ledger.events.v1: account views, statements, point-in-time balances, "
                + "payments, transfers, merchant sales analytics with CSV export, the merchant dashboard and the "
                + "rebuild of the read models. Queries take a consistency token (read your writes). Errors are "
                + "RFC 9457 application/problem+json with a stable code. Every operation needs an API key; a "
                + "merchant key reads only its own merchant account's data.",
        license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: Authorization: Bearer <key>. Browsers opening the dashboard send it as the "
                + "HTTP Basic user name (empty password). 401 without a valid key, 403 without the permission.")
public final class ProjectionServiceApplication {

    private ProjectionServiceApplication() {
    }

    /**
     * Runs the service; with {@code rebuild} asks a running one to rebuild its read models; with
     * {@code audit} replays the event topic and verifies the invariants (no service started).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCli.run(args, System.out));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Micronaut.run(ProjectionServiceApplication.class, args);
    }
}
