package io.walletledger.loadgen.command;

/** Sends one command and waits for its outcome; safe to call from many (virtual) threads at once. */
public interface CommandTransport extends AutoCloseable {

    Outcome execute(Command command);

    @Override
    default void close() {
    }
}
