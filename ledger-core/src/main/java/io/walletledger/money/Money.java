package io.walletledger.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * An amount as an integer count of the currency's minor units. Arithmetic is overflow-checked;
 * a movement amount is positive and at most {@link #MAX_MINOR_UNITS} (I9).
 */
public record Money(@JsonProperty("amount") long minorUnits, CurrencyCode currency) {

    public static final long MAX_MINOR_UNITS = 1_000_000_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /** The amount of a movement: positive and at most 10^15 minor units (I9). */
    public Money requireValidMovement() {
        if (minorUnits <= 0) {
            throw new InvalidAmount("amount must be positive, was " + minorUnits);
        }
        if (minorUnits > MAX_MINOR_UNITS) {
            throw new InvalidAmount("amount must be at most " + MAX_MINOR_UNITS + " minor units, was " + minorUnits);
        }
        return this;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return minorUnits < 0;
    }

    public void requireSameCurrency(Money other) {
        requireCurrency(other.currency);
    }

    public void requireCurrency(CurrencyCode expected) {
        if (!currency.equals(expected)) {
            throw new CurrencyMismatch(expected, currency);
        }
    }

    @Override
    public String toString() {
        return minorUnits + " " + currency;
    }
}
