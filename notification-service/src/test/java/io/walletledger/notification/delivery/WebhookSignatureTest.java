package io.walletledger.notification.delivery;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks reference libraries (the same figure the npm package prints). */
    @Test
    void matches_the_standard_webhooks_reference_example() {
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8), List.of(key));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void every_active_key_signs_space_separated_newest_first() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] newer = new byte[32];
        byte[] older = new byte[32];
        older[0] = 1;
        String both = WebhookSignature.sign("msg_1", 1, body, List.of(newer, older));
        assertThat(both.split(" ")).containsExactly(WebhookSignature.sign("msg_1", 1, body, List.of(newer)),
                WebhookSignature.sign("msg_1", 1, body, List.of(older)));
        assertThat(WebhookSignature.sign("msg_2", 1, body, List.of(newer)))
                .isNotEqualTo(WebhookSignature.sign("msg_1", 1, body, List.of(newer)));
        assertThat(WebhookSignature.sign("msg_1", 2, body, List.of(newer)))
                .isNotEqualTo(WebhookSignature.sign("msg_1", 1, body, List.of(newer)));
        assertThatThrownBy(() -> WebhookSignature.sign("msg_1", 1, body, List.of()))
                .isInstanceOf(IllegalStateException.class);
    }
}
