package io.walletledger.e2e.fuzz;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan of the bad input campaign, without services: a seed replays it, and nothing in it is left valid. */
class CampaignPlanTest {

    private static final Fixture FIXTURE = new Fixture("acc_m", "acc_o", "acc_c", "acc_p", "acc_f", "acc_s", "pay_r",
            "pay_a", "pay_c", "trf_t", "wl_test_merchantkey", "key_s", "wl_test_revokedkey", "we_e", "7");

    @Test
    void a_seed_replays_the_same_requests_and_another_seed_makes_others() {
        List<Campaign.Planned> first = plan("42", 600);
        List<Campaign.Planned> again = plan("42", 600);
        List<Campaign.Planned> other = plan("43", 600);
        assertThat(first).hasSameSizeAs(again);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).wire()).as("request %d", i).isEqualTo(again.get(i).wire());
        }
        assertThat(Arrays.equals(first.get(0).wire(), other.get(0).wire())
                && Arrays.equals(first.get(1).wire(), other.get(1).wire())).isFalse();
    }

    @Test
    void every_endpoint_gets_requests_from_every_share_and_every_mutation_changes_its_request() {
        // planning refuses a mutation that leaves the request as it was (a valid one, sent as such)
        List<Campaign.Planned> planned = plan("7", 5_000);
        Set<String> endpoints = new HashSet<>();
        planned.forEach(p -> endpoints.add(p.endpoint()));
        assertThat(endpoints).hasSize(catalogue().get(Campaign.Share.ADMIN).size());
        assertThat(planned).extracting(Campaign.Planned::share).contains(Campaign.Share.values());
        assertThat(planned).extracting(p -> p.invalidating().family()).contains("duplicate-key", "deep-nesting",
                "unicode", "bad-number", "huge-string", "path-id", "wrong-method", "idempotency-key",
                "consistency-token", "last-event-id", "query-param", "other-tenant", "bad-key");
    }

    private static List<Campaign.Planned> plan(String seed, int requests) {
        Map<Template.Service, Integer> ports = new EnumMap<>(Template.Service.class);
        for (Template.Service service : Template.Service.values()) {
            ports.put(service, port(service));
        }
        return Campaign.plan(seed, requests, catalogue(), FIXTURE, ports);
    }

    private static Map<Campaign.Share, List<Template>> catalogue() {
        return Map.of(Campaign.Share.ADMIN, Catalogue.templates(FIXTURE, false, "http://127.0.0.1:9/hooks"),
                Campaign.Share.MERCHANT, Catalogue.templates(FIXTURE, true, "http://127.0.0.1:9/hooks"));
    }

    private static int port(Template.Service service) {
        return 18_000 + service.ordinal();
    }
}
