package io.walletledger.account;

import io.walletledger.money.Money;

/**
 * A merchant's fee per captured payment: basis points of the amount, rounded half-up to the minor
 * unit, plus a fixed amount in minor units; never more than the payment itself.
 */
public record FeeSchedule(int basisPoints, long fixedMinorUnits) {

    public FeeSchedule {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basis points must be within 0..10000, was " + basisPoints);
        }
        if (fixedMinorUnits < 0 || fixedMinorUnits > Money.MAX_MINOR_UNITS) {
            throw new IllegalArgumentException("fixed fee must be within 0..10^15 minor units, was " + fixedMinorUnits);
        }
    }

    public static FeeSchedule none() {
        return new FeeSchedule(0, 0);
    }

    /** Exact integer arithmetic: amount = q·10000 + r, so no product ever exceeds 10^15·10^4 / 10^4. */
    public Money feeFor(Money amount) {
        long q = amount.minorUnits() / 10_000;
        long r = amount.minorUnits() % 10_000;
        long proportional = Math.addExact(Math.multiplyExact(q, basisPoints), (r * basisPoints + 5_000) / 10_000);
        long fee = Math.addExact(proportional, fixedMinorUnits);
        return new Money(Math.min(fee, amount.minorUnits()), amount.currency());
    }
}
