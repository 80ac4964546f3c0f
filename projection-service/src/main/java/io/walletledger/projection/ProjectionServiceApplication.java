package io.walletledger.projection;

import io.micronaut.runtime.Micronaut;
import io.walletledger.projection.rebuild.RebuildCli;

public final class ProjectionServiceApplication {

    private ProjectionServiceApplication() {
    }

    /** Runs the service, or with {@code rebuild} asks a running one to rebuild its read models. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rebuild")) {
            System.exit(RebuildCli.run(args, System.out));
        }
        Micronaut.run(ProjectionServiceApplication.class, args);
    }
}
