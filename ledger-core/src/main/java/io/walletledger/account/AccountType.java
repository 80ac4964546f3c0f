package io.walletledger.account;

/** CUSTOMER and MERCHANT accounts are opened by callers; SYSTEM accounts by the ledger itself. */
public enum AccountType {
    CUSTOMER,
    MERCHANT,
    SYSTEM
}
