package io.walletledger.projection;

import io.micronaut.runtime.Micronaut;
import io.walletledger.projection.audit.AuditCommand;
import io.walletledger.projection.rebuild.RebuildCli;

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
