package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks a would-be payee whether it can take a payment in this currency; changes nothing. */
public record CheckCanReceivePayment(@TargetAggregateIdentifier AccountId accountId, CurrencyCode currency)
        implements AccountCommand {
}
