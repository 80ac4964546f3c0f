package io.walletledger.projection;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.walletledger.projection.audit.AuditCommand;
import io.walletledger.projection.rebuild.RebuildCli;

@OpenAPIDefinition(info = @Info(
        title = "Wallet Ledger projection API",
        version = "1",
        description = "Read models built from ledger.events.v1: account views, statements, point-in-time balances, "
                + "payments, transfers, merchant sales analytics with CSV export, the merchant dashboard and the "
                + "rebuild of the read models. Queries take a consistency token (read your writes). Errors are "
                + "RFC 9457 application/problem+json with a stable code.",
        license = @License(name = "Apache-2.0")))
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
