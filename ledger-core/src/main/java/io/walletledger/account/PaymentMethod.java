package io.walletledger.account;

import io.walletledger.money.CurrencyCode;

import java.util.Locale;

/** Where money enters or leaves the ledger; each has a SYSTEM funding account per currency. */
public enum PaymentMethod {
    CARD,
    BANK_TRANSFER,
    CASH,
    EXTERNAL_WALLET;

    /** The SYSTEM account that balances movements through this method, e.g. {@code sys-funding-card-eur}. */
    public AccountId fundingAccount(CurrencyCode currency) {
        return AccountId.of("sys-funding-" + name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "-" + currency.code().toLowerCase(Locale.ROOT));
    }
}
