package io.walletledger.command;

import io.micronaut.runtime.Micronaut;

public final class CommandServiceApplication {

    private CommandServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(CommandServiceApplication.class, args);
    }
}
