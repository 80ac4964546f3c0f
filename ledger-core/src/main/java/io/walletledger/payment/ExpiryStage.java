package io.walletledger.payment;

public enum ExpiryStage {
    /** The request was never authorized in time. */
    REQUEST,
    /** The authorization was never captured in time; its hold was released. */
    HOLD
}
