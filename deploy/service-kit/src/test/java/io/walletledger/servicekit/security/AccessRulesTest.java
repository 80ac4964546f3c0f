package io.walletledger.servicekit.security;

import io.walletledger.servicekit.http.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessRulesTest {

    @Test
    void roles_have_fixed_permissions_and_a_service_only_its_grants() {
        assertThat(Permission.of(Role.ADMIN, Set.of())).containsExactlyInAnyOrder(Permission.values());
        assertThat(Permission.of(Role.AUDITOR, Set.of())).allSatisfy(p -> assertThat(p.wireName()).endsWith(":read"));
        assertThat(Permission.of(Role.MERCHANT, Set.of())).contains(Permission.PAYMENTS_CREATE, Permission.WEBHOOKS_MANAGE)
                .doesNotContain(Permission.PAYMENTS_AUTHORIZE, Permission.DEPOSITS_CREATE, Permission.KEYS_MANAGE,
                        Permission.ACCOUNTS_OPEN, Permission.PROJECTIONS_REBUILD);
        assertThat(Permission.of(Role.SERVICE, EnumSet.of(Permission.DEPOSITS_CREATE))).containsExactly(Permission.DEPOSITS_CREATE);
        assertThat(Permission.of(Role.SERVICE, Set.of())).isEmpty();
    }

    @Test
    void only_operations_on_the_ledger_can_be_granted() {
        assertThat(Arrays.stream(Permission.values()).filter(Permission::grantable))
                .doesNotContain(Permission.KEYS_MANAGE, Permission.WEBHOOKS_MANAGE, Permission.SALES_READ,
                        Permission.PROJECTIONS_REBUILD, Permission.METRICS_READ, Permission.EVENTS_READ);
        assertThat(Permission.of("payments:authorize")).contains(Permission.PAYMENTS_AUTHORIZE);
        assertThat(Permission.of("payments:*")).isEmpty();
    }

    @Test
    void a_merchant_sees_only_its_own_and_cannot_act_for_another() {
        Caller merchant = new Caller("key_a", Role.MERCHANT, "acc-a", Permission.of(Role.MERCHANT, Set.of()));
        assertThat(merchant.sees("acc-a")).isTrue();
        assertThat(merchant.sees("acc-b", "acc-a")).isTrue();
        assertThat(merchant.sees("acc-b")).isFalse();
        merchant.requireTenant("acc-a");
        assertThatThrownBy(() -> merchant.requireTenant("acc-b")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(403));
        Caller auditor = new Caller("key_b", Role.AUDITOR, null, Permission.of(Role.AUDITOR, Set.of()));
        assertThat(auditor.sees("acc-b")).isTrue();
        auditor.requireTenant("acc-b");
    }

    @Test
    void the_admin_key_is_required_and_must_be_of_the_deployments_mode() {
        SecuritySettings settings = new SecuritySettings();
        assertThatThrownBy(settings::validate).hasMessageContaining("LEDGER_ADMIN_KEY");
        settings.setAdminKey("wl_test_" + "x".repeat(40));
        assertThatThrownBy(settings::validate).as("a test key for a live deployment").hasMessageContaining("wl_live_");
        settings.setMode("test");
        settings.validate();
        settings.setAdminKey("wl_test_short");
        assertThatThrownBy(settings::validate).hasMessageContaining("32");
        settings.setMode("prod");
        assertThatThrownBy(settings::validate).hasMessageContaining("live or test");
    }

    @Test
    void the_rate_limit_allows_the_burst_then_says_how_long_to_wait_per_key() {
        SecuritySettings settings = new SecuritySettings();
        settings.setRequestsPerSecond(1);
        settings.setBurst(3);
        RateLimiter limiter = new RateLimiter(settings);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("key_a")).isZero();
        }
        assertThat(limiter.acquire("key_a")).isPositive().isLessThanOrEqualTo(1_000_000_000L);
        assertThat(limiter.acquire("key_b")).as("another key has its own bucket").isZero();
    }
}
