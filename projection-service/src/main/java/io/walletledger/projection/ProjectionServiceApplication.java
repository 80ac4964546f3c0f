package io.walletledger.projection;

import io.micronaut.runtime.Micronaut;

public final class ProjectionServiceApplication {

    private ProjectionServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ProjectionServiceApplication.class, args);
    }
}
