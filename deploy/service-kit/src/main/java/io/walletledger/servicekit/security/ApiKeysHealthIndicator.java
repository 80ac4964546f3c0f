package io.walletledger.servicekit.security;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** DOWN until the API keys are read, or when their reader has stopped (then only the admin key works). */
@Singleton
public class ApiKeysHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final ApiKeyRegistry registry;

    public ApiKeysHealthIndicator(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = registry.caughtUp() && registry.readerAlive();
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("keys", registry.all().size(), "caughtUp", registry.caughtUp(), "readerAlive", registry.readerAlive());
    }

    @Override
    protected String getName() {
        return "api-keys";
    }
}
