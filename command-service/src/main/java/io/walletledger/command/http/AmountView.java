package io.walletledger.command.http;

import io.walletledger.money.Money;

/** Money in responses: {@code {"amount": minor units, "currency": "EUR"}}. */
record AmountView(long amount, String currency) {

    static AmountView of(Money money) {
        return new AmountView(money.minorUnits(), money.currency().code());
    }
}
