package io.walletledger.servicekit.security;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key and service instance: {@code requests-per-second} sustained, up to
 * {@code burst} at once. Per instance, so a deployment of n instances allows about n times as much.
 */
@Singleton
public class RateLimiter {

    private final double tokensPerNano;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(SecuritySettings settings) {
        this.tokensPerNano = settings.getRequestsPerSecond() / 1e9;
        this.burst = Math.max(1, settings.getBurst());
    }

    /** 0 when the request may go ahead (a token is taken), else the nanoseconds until one is free. */
    public long acquire(String keyId) {
        return buckets.computeIfAbsent(keyId, id -> new Bucket(burst, System.nanoTime())).take(tokensPerNano, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(double tokensPerNano, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / tokensPerNano);
        }
    }
}
