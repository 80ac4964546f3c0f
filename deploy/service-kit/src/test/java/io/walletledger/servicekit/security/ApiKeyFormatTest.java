package io.walletledger.servicekit.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

    @Test
    void a_minted_key_carries_its_mode_and_id_and_parses_back() {
        ApiKeyFormat.Minted minted = ApiKeyFormat.mint("live");
        assertThat(minted.plaintext()).startsWith("wl_live_").hasSize(8 + 16 + 52).matches("wl_live_[a-z2-7]+");
        assertThat(minted.prefix()).isEqualTo(minted.plaintext().substring(0, 24));
        assertThat(ApiKeyFormat.parse(minted.plaintext())).contains(new ApiKeyFormat.Presented("live", minted.id()));
        assertThat(minted.id()).isEqualTo("key_" + minted.plaintext().substring(8, 24));
    }

    @Test
    void keys_are_random_and_only_their_hash_identifies_them() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeyFormat.mint("test").plaintext());
        }
        assertThat(keys).hasSize(1000);
        String key = keys.iterator().next();
        assertThat(ApiKeyFormat.hashHex(key)).hasSize(64).doesNotContain(key.substring(24));
        assertThat(ApiKeyFormat.matches(HexFormat.of().parseHex(ApiKeyFormat.hashHex(key)), key)).isTrue();
        assertThat(ApiKeyFormat.matches(HexFormat.of().parseHex(ApiKeyFormat.hashHex(key)), key + "a")).isFalse();
    }

    @Test
    void anything_else_is_not_a_key() {
        String key = ApiKeyFormat.mint("test").plaintext();
        assertThat(ApiKeyFormat.parse(key.substring(1))).isEmpty();
        assertThat(ApiKeyFormat.parse(key + "a")).isEmpty();
        assertThat(ApiKeyFormat.parse(key.toUpperCase())).isEmpty();
        assertThat(ApiKeyFormat.parse(key.replace("wl_test_", "wl_prod_"))).isEmpty();
        assertThat(ApiKeyFormat.parse(key.substring(0, 30) + "1" + key.substring(31))).as("1 is not base32").isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
    }
}
