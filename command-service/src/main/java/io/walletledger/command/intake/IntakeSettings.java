package io.walletledger.command.intake;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/** {@code ledger.intake.*}: the Kafka command intake. */
@ConfigurationProperties("ledger.intake")
public class IntakeSettings {

    private boolean enabled = true;
    private int maxPollRecords = 500;
    /** Fault injection for tests and campaigns: stop dead after handling the first batch, before committing. */
    private boolean crashBeforeFirstCommit;
    /** Fault injection for tests and campaigns: commands whose id starts with it throw when handled (poison). */
    private String failCommandsWithPrefix;
    /** Issuer name → the permissions (wire names) its commands may use; an issuer not listed is refused. */
    private Map<String, List<String>> issuers = Map.of();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public void setMaxPollRecords(int maxPollRecords) {
        this.maxPollRecords = maxPollRecords;
    }

    public boolean isCrashBeforeFirstCommit() {
        return crashBeforeFirstCommit;
    }

    public void setCrashBeforeFirstCommit(boolean crashBeforeFirstCommit) {
        this.crashBeforeFirstCommit = crashBeforeFirstCommit;
    }

    public String getFailCommandsWithPrefix() {
        return failCommandsWithPrefix;
    }

    public void setFailCommandsWithPrefix(String failCommandsWithPrefix) {
        this.failCommandsWithPrefix = failCommandsWithPrefix;
    }

    public Map<String, List<String>> getIssuers() {
        return issuers;
    }

    public void setIssuers(Map<String, List<String>> issuers) {
        this.issuers = issuers == null ? Map.of() : issuers;
    }
}
