package io.walletledger.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Currency;
import java.util.Objects;

/**
 * An ISO 4217 currency with its real minor-unit exponent (JPY 0, EUR 2, BHD 3).
 * Funds, precious metals and testing codes have no minor unit and are refused.
 */
public record CurrencyCode(String code) {

    public CurrencyCode {
        Objects.requireNonNull(code, "code");
        if (!threeCapitals(code)) {
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

    private static boolean threeCapitals(String code) {
        return code.length() == 3 && isCapital(code.charAt(0)) && isCapital(code.charAt(1)) && isCapital(code.charAt(2));
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
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
