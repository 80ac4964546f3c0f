package io.walletledger.command.http;

import java.util.UUID;

/** Resource ids are made at the edge, never in the domain, so replays stay deterministic. */
final class Ids {

    private Ids() {
    }

    static String next(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
