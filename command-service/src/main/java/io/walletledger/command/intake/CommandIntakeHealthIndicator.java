package io.walletledger.command.intake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code command-intake}: DOWN when the Kafka command intake's poll loop has died (commands wait unread). */
@Singleton
@Requires(property = "ledger.intake.enabled", notEquals = "false")
class CommandIntakeHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final CommandIntake intake;

    CommandIntakeHealthIndicator(CommandIntake intake) {
        this.intake = intake;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean alive = intake.alive();
        details.put("running", alive);
        if (!alive) {
            details.put("problem", "intake thread stopped: commands on ledger.commands.v1 are not consumed");
            if (intake.lastError() != null) {
                details.put("lastError", intake.lastError());
            }
        }
        healthStatus = alive ? HealthStatus.UP : HealthStatus.DOWN;
        return details;
    }

    @Override
    protected String getName() {
        return "command-intake";
    }
}
