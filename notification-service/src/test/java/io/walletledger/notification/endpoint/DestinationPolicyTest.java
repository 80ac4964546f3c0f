package io.walletledger.notification.endpoint;

import io.walletledger.notification.WebhookSettings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DestinationPolicyTest {

    private static DestinationPolicy production() {
        return new DestinationPolicy(new WebhookSettings());
    }

    @Test
    void non_public_addresses_are_restricted() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::")) {
            assertThat(DestinationPolicy.isRestricted(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("203.0.113.10", "8.8.8.8", "2001:db8::1", "100.128.0.1")) {
            assertThat(DestinationPolicy.isRestricted(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void production_refuses_plain_http_user_info_fragments_and_private_destinations() throws Exception {
        DestinationPolicy policy = production();
        assertThat(policy.validate("https://203.0.113.10/hooks?x=1")).isEqualTo(URI.create("https://203.0.113.10/hooks?x=1"));
        assertThatThrownBy(() -> policy.validate("http://203.0.113.10/hooks")).hasMessageContaining("https");
        assertThatThrownBy(() -> policy.validate("https://u:p@203.0.113.10/")).hasMessageContaining("user info");
        assertThatThrownBy(() -> policy.validate("https://203.0.113.10/#x")).hasMessageContaining("fragment");
        assertThatThrownBy(() -> policy.validate("https:///nohost")).hasMessageContaining("host");
        assertThatThrownBy(() -> policy.validate("not a url")).hasMessageContaining("valid URL");
        assertThatThrownBy(() -> policy.validate("https://203.0.113.10:99999/hooks")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> policy.validate("https://203.0.113.10:0/hooks")).hasMessageContaining("1 to 65535");
        assertThat(policy.validate("https://203.0.113.10:65535/hooks").getPort()).isEqualTo(65_535);
        assertThatThrownBy(() -> policy.validate("https://127.0.0.1:8443/hooks")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> policy.validate("https://[::1]/hooks")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> policy.validate("https://169.254.169.254/latest/meta-data"))
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> policy.checkBeforeSending(URI.create("https://localhost/hooks")))
                .hasMessageContaining("non-public");
    }

    @Test
    void the_allow_list_opens_exactly_its_blocks() throws Exception {
        WebhookSettings settings = new WebhookSettings();
        settings.setRequireHttps(false);
        settings.setAllowedNetworks(List.of("127.0.0.0/8", "10.20.0.0/16"));
        DestinationPolicy local = new DestinationPolicy(settings);
        local.validate("http://127.0.0.1:9000/hooks");
        local.checkBeforeSending(URI.create("http://10.20.30.40/hooks"));
        assertThatThrownBy(() -> local.checkBeforeSending(URI.create("http://10.21.0.1/hooks")))
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> local.validate("http://[::1]/hooks")).hasMessageContaining("non-public");
    }
}
