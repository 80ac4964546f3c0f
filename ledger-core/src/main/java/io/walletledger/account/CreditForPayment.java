package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Credit a merchant for a captured payment, less its fee. */
public record CreditForPayment(
        @TargetAggregateIdentifier AccountId accountId,
        String paymentId,
        Money gross,
        io.walletledger.payment.FundingSource fundingSource,
        Instant requestedAt) implements AccountCommand {
}
