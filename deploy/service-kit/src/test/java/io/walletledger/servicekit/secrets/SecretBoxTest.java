package io.walletledger.servicekit.secrets;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private static SecretsSettings settings(String activeId, String activeKey, Map<String, String> previous) {
        SecretsSettings settings = new SecretsSettings();
        settings.setActiveKeyId(activeId);
        settings.setActiveKey(activeKey);
        settings.setPreviousKeys(previous);
        return settings;
    }

    @Test
    void a_secret_is_sealed_under_the_active_key_id_and_opens_after_a_key_rotation() {
        SecretBox before = new SecretBox(settings("k1", KEY_1, Map.of()));
        byte[] secret = "whsec_not-really".getBytes(StandardCharsets.UTF_8);
        SecretBox.Sealed sealed = before.seal(secret);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain("whsec_not-really");
        assertThat(before.seal(secret).ciphertext()).as("a fresh nonce each time").isNotEqualTo(sealed.ciphertext());

        SecretBox after = new SecretBox(settings("k2", KEY_2, Map.of("k1", KEY_1)));
        assertThat(after.open(sealed)).isEqualTo(secret);
        assertThat(after.seal(secret).keyId()).isEqualTo("k2");
    }

    @Test
    void a_ciphertext_under_another_key_id_or_tampered_does_not_open() {
        SecretBox box = new SecretBox(settings("k1", KEY_1, Map.of("k0", KEY_2)));
        SecretBox.Sealed sealed = box.seal(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> box.open(new SecretBox.Sealed("k0", sealed.ciphertext())))
                .hasMessageContaining("wrong key or tampered");
        assertThatThrownBy(() -> box.open(new SecretBox.Sealed("k9", sealed.ciphertext()))).hasMessageContaining("no key k9");
    }

    @Test
    void without_a_key_the_service_does_not_start() {
        assertThatThrownBy(() -> new SecretBox(settings("key-1", "", Map.of()))).hasMessageContaining("LEDGER_SECRETS_KEY");
        assertThatThrownBy(() -> new SecretBox(settings("key-1", KEY_1.substring(4), Map.of()))).hasMessageContaining("32 bytes");
    }
}
