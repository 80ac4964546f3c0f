package io.walletledger.loadgen.command;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** Commands as HTTP requests to command-service, each under a fresh Idempotency-Key, keys used in turn. */
public final class HttpTransport implements CommandTransport {

    private final LedgerHttp http;
    private final String commandUrl;
    private final ApiKeys keys;

    public HttpTransport(LedgerHttp http, String commandUrl, ApiKeys keys) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.keys = keys;
    }

    @Override
    public Outcome execute(Command command) {
        try {
            LedgerHttp.Reply reply = http.post(commandUrl + command.path(), keys.nextBearer(), Ids.uuid(),
                    command.body().toString());
            if (reply.status() < 400) {
                return Outcome.accepted(reply.status(), reply.json());
            }
            return Outcome.rejected(reply.status(), Outcome.problemCode(reply.status(), reply.json()));
        } catch (HttpTimeoutException e) {
            return Outcome.rejected(0, "timeout");
        } catch (IOException e) {
            return Outcome.rejected(0, "transport_error");
        }
    }
}
