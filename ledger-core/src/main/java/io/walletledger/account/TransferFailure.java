package io.walletledger.account;

/** Why a transfer's credit leg was refused and its debit reversed. */
public enum TransferFailure {
    DESTINATION_NOT_FOUND,
    DESTINATION_CLOSED,
    CURRENCY_MISMATCH,
    CREDIT_REFUSED
}
