package io.walletledger.account;

import io.walletledger.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Take a refund from the merchant (I2, I6). */
public record DebitForRefund(
        @TargetAggregateIdentifier AccountId accountId,
        String paymentId,
        String refundId,
        Money amount,
        io.walletledger.payment.FundingSource fundingSource,
        AccountId payerAccountId,
        Instant requestedAt) implements AccountCommand {
}
