package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import io.walletledger.money.UnsupportedCurrency;
import io.walletledger.payment.PaymentId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written syntax checks of ids and currency codes accept exactly what their documented patterns do. */
class IdSyntaxTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Property(tries = 3000)
    void ids_are_well_formed_exactly_when_the_pattern_matches(@ForAll("candidates") String value) {
        boolean expected = ID.matcher(value).matches();
        assertThat(AccountId.wellFormed(value)).isEqualTo(expected);
        if (expected) {
            assertThat(AccountId.of(value).value()).isEqualTo(value);
            assertThat(PaymentId.of(value).value()).isEqualTo(value);
        } else {
            assertThatThrownBy(() -> AccountId.of(value)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PaymentId.of(value)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 1000)
    void currency_codes_need_three_capitals(@ForAll("codes") String code) {
        if (!CURRENCY.matcher(code).matches()) {
            assertThatThrownBy(() -> CurrencyCode.of(code)).isInstanceOf(UnsupportedCurrency.class);
        }
    }

    @Test
    void the_edges_of_the_id_syntax() {
        assertThat(AccountId.wellFormed("")).isFalse();
        assertThat(AccountId.wellFormed(" ")).isFalse();
        assertThat(AccountId.wellFormed("a".repeat(64))).isTrue();
        assertThat(AccountId.wellFormed("a".repeat(65))).isFalse();
        assertThat(AccountId.wellFormed("acc_0A.b:c-d")).isTrue();
        assertThat(AccountId.wellFormed("acc/1")).isFalse();
        assertThat(AccountId.wellFormed("accé")).isFalse();
        assertThat(CurrencyCode.of("EUR").minorUnitExponent()).isEqualTo(2);
    }

    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.strings()
                .withChars("aZ09_.:-")
                .withCharRange('!', '~')
                .withChars(" \t/é€\u0000")
                .ofMinLength(0).ofMaxLength(70);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withCharRange('@', '[').withChars("a1 é").ofMinLength(0).ofMaxLength(4);
    }
}
