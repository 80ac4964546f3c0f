package io.walletledger.servicekit.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.walletledger.envelope.Topics;

import java.time.Duration;
import java.util.List;

/** {@code ledger.security.*}: the bootstrap admin key, the key mode, the per-key rate limit. */
@ConfigurationProperties("ledger.security")
public class SecuritySettings {

    private String adminKey;
    private String mode = "live";
    private String keysTopic = Topics.API_KEYS;
    private double requestsPerSecond = 1000;
    private int burst = 2000;
    private Duration usageFlushInterval = Duration.ofSeconds(60);
    private List<String> publicPaths = List.of("/health", "/health/**", "/swagger/**", "/swagger-ui/**",
            "/dashboard/assets/**");
    private boolean hsts = true;

    public String getAdminKey() {
        return adminKey;
    }

    public void setAdminKey(String adminKey) {
        this.adminKey = adminKey;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getKeysTopic() {
        return keysTopic;
    }

    public void setKeysTopic(String keysTopic) {
        this.keysTopic = keysTopic;
    }

    public double getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }

    public Duration getUsageFlushInterval() {
        return usageFlushInterval;
    }

    public void setUsageFlushInterval(Duration usageFlushInterval) {
        this.usageFlushInterval = usageFlushInterval;
    }

    public List<String> getPublicPaths() {
        return publicPaths;
    }

    public void setPublicPaths(List<String> publicPaths) {
        this.publicPaths = publicPaths;
    }

    public boolean isHsts() {
        return hsts;
    }

    public void setHsts(boolean hsts) {
        this.hsts = hsts;
    }

    /** Refuses to start without a well-formed admin key of this deployment's mode. */
    void validate() {
        if (!"live".equals(mode) && !"test".equals(mode)) {
            throw new IllegalStateException("ledger.security.mode must be live or test, was '" + mode + "'");
        }
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalStateException("LEDGER_ADMIN_KEY (ledger.security.admin-key) is required: the bootstrap "
                    + "admin API key, '" + ApiKeyFormat.prefix(mode) + "' followed by at least 32 random characters; "
                    + "only the local profile has a default");
        }
        if (!adminKey.startsWith(ApiKeyFormat.prefix(mode)) || adminKey.length() < ApiKeyFormat.prefix(mode).length() + 32
                || !adminKey.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw new IllegalStateException("LEDGER_ADMIN_KEY must start with '" + ApiKeyFormat.prefix(mode)
                    + "' (this deployment's mode is " + mode + ") and have at least 32 more visible ASCII characters");
        }
    }
}
