package io.walletledger.payment;

/** How the payer pays: from the wallet (a hold on the payer's account) or by card (pass-through). */
public enum FundingSource {
    WALLET,
    CARD
}
