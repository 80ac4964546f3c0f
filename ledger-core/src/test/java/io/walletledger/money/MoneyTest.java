package io.walletledger.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void currencies_carry_their_real_minor_unit_exponent() {
        assertThat(CurrencyCode.of("JPY").minorUnitExponent()).isZero();
        assertThat(CurrencyCode.of("EUR").minorUnitExponent()).isEqualTo(2);
        assertThat(CurrencyCode.of("BHD").minorUnitExponent()).isEqualTo(3);
    }

    @Test
    void unknown_and_unitless_currencies_are_refused() {
        assertThatThrownBy(() -> CurrencyCode.of("XYZ")).isInstanceOf(UnsupportedCurrency.class);
        assertThatThrownBy(() -> CurrencyCode.of("eur")).isInstanceOf(UnsupportedCurrency.class);
        assertThatThrownBy(() -> CurrencyCode.of("XAU")).isInstanceOf(UnsupportedCurrency.class);
    }

    @Test
    void I5_one_currency_arithmetic_never_mixes_currencies() {
        assertThatThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD"))).isInstanceOf(CurrencyMismatch.class);
    }

    @Test
    void arithmetic_is_overflow_checked() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void I9_limits_movement_amounts_are_positive_and_at_most_ten_to_the_fifteen() {
        assertThat(Money.of(Money.MAX_MINOR_UNITS, "EUR").requireValidMovement().minorUnits())
                .isEqualTo(1_000_000_000_000_000L);
        assertThatThrownBy(() -> Money.of(-5, "EUR").requireValidMovement()).isInstanceOf(InvalidAmount.class);
        assertThatThrownBy(() -> Money.of(Money.MAX_MINOR_UNITS + 1, "EUR").requireValidMovement())
                .isInstanceOf(InvalidAmount.class);
    }
}
