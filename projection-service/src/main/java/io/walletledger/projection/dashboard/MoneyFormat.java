package io.walletledger.projection.dashboard;

import io.walletledger.projection.accountview.AccountView.Amount;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Minor units for people: {@code EUR 1,234.56}, {@code JPY 1,234}, {@code BHD 1.234}. The decimal
 * point is placed by the currency's ISO 4217 exponent on the exact long; nothing goes through a
 * binary fraction.
 */
final class MoneyFormat {

    private static final String NONE = "\u2014";

    private MoneyFormat() {
    }

    static String format(Amount amount) {
        if (amount == null) {
            return NONE;
        }
        String number = number(amount.amount(), amount.currency());
        return amount.currency() == null ? number : amount.currency() + " " + number;
    }

    /** The amount without its code, for chart axes where the code is said once. */
    static String number(long minorUnits, String currency) {
        int exponent = exponent(currency);
        // Formatter prints a BigDecimal from its digits (no double); ROOT means ',' groups and '.' separates.
        return String.format(Locale.ROOT, "%,." + exponent + "f", BigDecimal.valueOf(minorUnits, exponent));
    }

    /** The currency's minor-unit exponent; an unknown or missing code shows the minor units as they are. */
    static int exponent(String currency) {
        if (currency == null) {
            return 0;
        }
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 0;
        }
    }
}
