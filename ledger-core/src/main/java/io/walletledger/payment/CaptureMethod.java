package io.walletledger.payment;

public enum CaptureMethod {
    /** Captured in full as soon as it is authorized. */
    AUTOMATIC,
    /** Held until the merchant captures (fully or partly), cancels, or the hold expires. */
    MANUAL
}
