package io.walletledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with its real minor-unit exponent (JPY 0, EUR 2, BHD 3).
 * Funds, precious metals and testing codes have no minor unit and are refused.
 */
public record CurrencyCode(String code) {

    /** Compiled once: {@code String.matches} compiled it again for every code read. */
    private static final Pattern SYNTAX = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(code, "code");
        if (!SYNTAX.matcher(code).matches()) {
            throw new UnsupportedCurrency(code);
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new UnsupportedCurrency(code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new UnsupportedCurrency(code);
        }
    }

    @JsonCreator
    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    public int minorUnitExponent() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    @JsonValue
    @Override
    public String toString() {
        return code;
    }
}
