package io.walletledger.servicekit.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input the campaign (BadInputFuzzIT) found getting through: each is a 400 validation_failed now. */
class JsonRequestTest {

    private static final String VALID = "{\"reference\":\"order 1\",\"amount\":1}";

    @ParameterizedTest
    @ValueSource(strings = {" x", "}", "]", "{}", "[]", " 1", "null", " // c", ",", "{\"amount\":5}"})
    void content_after_the_object_is_refused_not_ignored(String tail) {
        assertThatThrownBy(() -> JsonRequest.parse(VALID + tail))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.code()).isEqualTo("validation_failed"))
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void whitespace_after_the_object_is_fine() {
        assertThat(JsonRequest.parse(VALID + " \r\n\t").requiredText("reference", 16)).isEqualTo("order 1");
    }

    @Test
    void a_duplicate_name_is_refused_even_when_escaped() {
        assertThatThrownBy(() -> JsonRequest.parse("{\"amount\":1,\"\\u0061mount\":2}"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("Duplicate field 'amount'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\u0000", "a\\ud800b", "\\udfff", "\\udc00\\ud800", "x\\ud83d"})
    void text_postgresql_cannot_store_or_utf8_cannot_carry_is_refused(String escaped) {
        JsonRequest request = JsonRequest.parse("{\"reference\":\"" + escaped + "\"}");
        assertThatThrownBy(() -> request.requiredText("reference", 64))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.code()).isEqualTo("validation_failed"))
                .hasMessageContaining("'reference' must not contain NUL");
        assertThatThrownBy(() -> request.optionalText("reference", 64)).isInstanceOf(ProblemException.class);
    }

    @Test
    void a_list_item_with_nul_is_refused_too() {
        JsonRequest request = JsonRequest.parse("{\"eventTypes\":[\"payment.captured\\u0000\"]}");
        assertThatThrownBy(() -> request.requiredTextList("eventTypes", 4, 64)).isInstanceOf(ProblemException.class);
    }

    @Test
    void other_unicode_is_text_like_any_other() {
        String text = "\u2615 caf\u00e9 \u202Eevil\u202C \uD83D\uDE00 \u0001\t\n";
        String json = "{\"reference\":\"\\u2615 caf\u00e9 \\u202Eevil\\u202C \\ud83d\\ude00 \\u0001\\t\\n\"}";
        assertThat(JsonRequest.parse(json).requiredText("reference", 64)).isEqualTo(text);
    }
}
