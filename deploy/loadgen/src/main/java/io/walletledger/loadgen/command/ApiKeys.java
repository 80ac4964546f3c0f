package io.walletledger.loadgen.command;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** SERVICE keys used in turn, so that no key reaches its rate limit (1000/s per key and service instance). */
public final class ApiKeys {

    private final List<String> keys;
    private final AtomicInteger next = new AtomicInteger();

    public ApiKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        this.keys = List.copyOf(keys);
    }

    public String nextBearer() {
        return "Bearer " + keys.get(Math.floorMod(next.getAndIncrement(), keys.size()));
    }

    public List<String> all() {
        return keys;
    }
}
