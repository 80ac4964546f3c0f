package io.walletledger.account;

/** Why a hold ended without being captured. */
public enum HoldEnd {
    CANCELED,
    EXPIRED
}
