package io.walletledger.command.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.walletledger.account.KycLimits;

import java.util.HashMap;
import java.util.Map;

/** {@code ledger.limits.daily-outgoing}: KYC tier → daily outgoing limit in major units of the account's currency. */
@ConfigurationProperties("ledger.limits")
public class LimitsSettings {

    private Map<String, Long> dailyOutgoing = new HashMap<>(Map.of("0", 100L, "1", 1_000L, "2", 10_000L, "3", 100_000L));

    public Map<String, Long> getDailyOutgoing() {
        return dailyOutgoing;
    }

    public void setDailyOutgoing(Map<String, Long> dailyOutgoing) {
        this.dailyOutgoing = dailyOutgoing;
    }

    public KycLimits toKycLimits() {
        Map<Integer, Long> tiers = new HashMap<>();
        dailyOutgoing.forEach((tier, limit) -> tiers.put(Integer.parseInt(tier.trim()), limit));
        return new KycLimits(tiers);
    }
}
