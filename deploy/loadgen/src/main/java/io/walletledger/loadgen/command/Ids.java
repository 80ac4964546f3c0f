package io.walletledger.loadgen.command;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Idempotency keys and command ids: random version-4 UUIDs without SecureRandom's lock on the hot path. */
public final class Ids {

    private Ids() {
    }

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
