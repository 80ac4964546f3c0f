package io.walletledger.account;

import io.walletledger.money.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

class FeeScheduleTest {

    @Test
    void basis_points_round_half_up_to_the_minor_unit_plus_the_fixed_part() {
        FeeSchedule fee = new FeeSchedule(290, 30);
        assertThat(fee.feeFor(Money.of(10_000, "EUR")).minorUnits()).isEqualTo(290 + 30);
        assertThat(fee.feeFor(Money.of(50, "EUR")).minorUnits()).isEqualTo(1 + 30);   // 1.45 → 1
        assertThat(new FeeSchedule(100, 0).feeFor(Money.of(150, "EUR")).minorUnits()).isEqualTo(2); // 1.5 → 2
    }

    @Test
    void the_fee_never_exceeds_the_payment() {
        assertThat(new FeeSchedule(290, 30).feeFor(Money.of(20, "EUR")).minorUnits()).isEqualTo(20);
    }

    @Property
    void fees_are_exact_for_every_amount_up_to_ten_to_the_fifteen(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long amount,
            @ForAll @IntRange(min = 0, max = 10_000) int basisPoints,
            @ForAll @LongRange(min = 0, max = 1_000_000) long fixed) {
        long expected = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact() + fixed;
        long fee = new FeeSchedule(basisPoints, fixed).feeFor(Money.of(amount, "EUR")).minorUnits();
        assertThat(fee).isEqualTo(Math.min(expected, amount));
    }
}
