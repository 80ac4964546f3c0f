package io.walletledger.payment;

import io.walletledger.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The payer authorizes: a hold on the wallet, or a card authorized upstream (pass-through). */
public record AuthorizePayment(
        @TargetAggregateIdentifier PaymentId paymentId,
        FundingSource fundingSource,
        AccountId payerAccountId,
        String cardReference,
        Instant holdExpiresAt,
        Instant requestedAt) implements PaymentCommand {
}
