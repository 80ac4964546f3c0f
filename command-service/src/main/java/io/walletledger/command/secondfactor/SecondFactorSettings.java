package io.walletledger.command.secondfactor;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code ledger.second-factor.*}: brute-force lockout after consecutive wrong codes. */
@ConfigurationProperties("ledger.second-factor")
public class SecondFactorSettings {

    private int maxFailures = 5;
    private Duration lockout = Duration.ofMinutes(15);
    private String issuer = "WalletLedger";

    public int getMaxFailures() {
        return maxFailures;
    }

    public void setMaxFailures(int maxFailures) {
        this.maxFailures = maxFailures;
    }

    public Duration getLockout() {
        return lockout;
    }

    public void setLockout(Duration lockout) {
        this.lockout = lockout;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }
}
