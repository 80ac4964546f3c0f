package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A wallet account: guards first, then {@code apply}; state changes only in event sourcing handlers. */
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private CurrencyCode currency;
    private AccountStatus status;
    private long balanceMinor;

    Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAccount command) {
        if (accountId != null) {
            throw new AccountAlreadyExists(command.accountId());
        }
        if (command.type() == AccountType.SYSTEM) {
            throw new IllegalArgumentException("SYSTEM accounts are opened by the ledger itself");
        }
        apply(new AccountOpened(command.accountId(), command.ownerId(), command.type(), command.currency(),
                command.kycTier(), command.requestedAt()));
    }

    @CommandHandler
    void handle(DepositFunds command) {
        Money amount = command.amount().requireValidMovement();
        amount.requireCurrency(currency);
        if (status == AccountStatus.CLOSED) {
            throw new AccountClosed(accountId);
        }
        apply(new FundsDeposited(accountId, command.depositId(), amount, command.method(),
                command.method().fundingAccount(currency), command.reference(), command.requestedAt()));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        currency = event.currency();
        status = AccountStatus.ACTIVE;
        balanceMinor = 0;
    }

    @EventSourcingHandler
    void on(FundsDeposited event) {
        balanceMinor = Math.addExact(balanceMinor, event.amount().minorUnits());
    }
}
