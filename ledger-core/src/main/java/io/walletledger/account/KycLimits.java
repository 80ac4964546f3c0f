package io.walletledger.account;

import io.walletledger.money.Money;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Daily outgoing limits per KYC tier, in major units of the account's currency (converted with the
 * currency's real exponent). The schedule comes from configuration and is handed to the aggregate
 * as an Axon component, so the domain never reads configuration itself.
 */
public record KycLimits(Map<Integer, Long> dailyOutgoingMajorUnits) {

    public KycLimits {
        dailyOutgoingMajorUnits = Map.copyOf(new TreeMap<>(Objects.requireNonNull(dailyOutgoingMajorUnits)));
        if (dailyOutgoingMajorUnits.isEmpty()) {
            throw new IllegalArgumentException("at least one KYC tier is required");
        }
        dailyOutgoingMajorUnits.forEach((tier, limit) -> {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit of tier " + tier + " must be positive");
            }
        });
    }

    /** The default schedule: tier 0 (unverified) 100, tier 1 1,000, tier 2 10,000, tier 3 100,000. */
    public static KycLimits defaults() {
        return new KycLimits(Map.of(0, 100L, 1, 1_000L, 2, 10_000L, 3, 100_000L));
    }

    public boolean knows(int tier) {
        return dailyOutgoingMajorUnits.containsKey(tier);
    }

    /**
     * The limit in minor units for a tier and a currency exponent, capped at 10^15 (I9). A tier no
     * longer configured gets the smallest configured limit: a configuration change never lifts a limit.
     */
    public long dailyLimitMinor(int tier, int exponent) {
        Long major = dailyOutgoingMajorUnits.getOrDefault(tier,
                dailyOutgoingMajorUnits.values().stream().min(Long::compare).orElseThrow());
        long minor = major;
        for (int i = 0; i < exponent; i++) {
            minor = Math.multiplyExact(minor, 10);
        }
        return Math.min(minor, Money.MAX_MINOR_UNITS);
    }
}
