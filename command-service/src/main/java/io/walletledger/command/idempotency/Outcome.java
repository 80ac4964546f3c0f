package io.walletledger.command.idempotency;

/** What a command request produced: the HTTP status and the JSON body, as replayed for a repeated key. */
public record Outcome(int status, String body) {

    public boolean succeeded() {
        return status < 400;
    }
}
