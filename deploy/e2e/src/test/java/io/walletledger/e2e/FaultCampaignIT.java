package io.walletledger.e2e;

import io.walletledger.e2e.faults.CampaignReport;
import io.walletledger.e2e.faults.FaultCampaigns;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault campaign (issue 10): the stack as separate processes (a KRaft cluster, the
 * campaign's own PostgreSQL, the three packaged services) under load from clients that retry
 * with their Idempotency-Keys, with kill -9 of every service, a broker stopped and started,
 * PostgreSQL stopped and started, and a scale-out phase (three brokers, two instances of each
 * service, one instance of each and one broker killed mid-run); afterwards every balance is what
 * the clients' answers imply, the audit passes and every subscribed event reached its webhook
 * endpoint under one webhook-id. {@code -Dfaults.profile=long} runs the long campaign (10 kills
 * of each service), {@code -Dfaults.seed} replays one; the short profile runs in {@code ./mvnw verify}.
 */
class FaultCampaignIT {

    @Test
    void nothing_is_lost_created_or_applied_twice_through_crashes_restarts_and_scale_out() throws Exception {
        String profile = System.getProperty("faults.profile", "short");
        Long seed = Long.getLong("faults.seed");
        CampaignReport report = FaultCampaigns.run(profile, seed, Path.of("target", "fault-campaign"));
        System.out.println(report.text());
        assertThat(report.failures()).as(report.text()).isEmpty();
    }
}
