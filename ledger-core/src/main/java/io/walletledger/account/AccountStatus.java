package io.walletledger.account;

/** I6: a FROZEN account accepts no debits; a CLOSED account accepts nothing. */
public enum AccountStatus {
    ACTIVE,
    FROZEN,
    CLOSED
}
