package io.walletledger.account;

import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A wallet account: guards first, then {@code apply}; state changes only in event sourcing handlers.
 * Every debit is checked here, synchronously: status (I6), available funds (I2), the daily outgoing
 * limit of the KYC tier (I9).
 */
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private AccountType type;
    private CurrencyCode currency;
    private AccountStatus status;
    private int kycTier;
    private long balanceMinor;
    private long heldMinor;
    private LocalDate outgoingDay;
    private long outgoingTodayMinor;
    private final Map<String, Long> transfersInFlight = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private FeeSchedule feeSchedule = FeeSchedule.none();
    private boolean secondFactorEnrolled;

    private record Hold(long amountMinor, AccountId merchant) {
    }

    Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAccount command, KycLimits limits) {
        if (accountId != null) {
            throw new AccountAlreadyExists(command.accountId());
        }
        if (command.type() == AccountType.SYSTEM) {
            throw new InvalidAccountRequest("SYSTEM accounts are opened by the ledger itself");
        }
        if (!limits.knows(command.kycTier())) {
            throw new InvalidAccountRequest("unknown KYC tier " + command.kycTier());
        }
        apply(new AccountOpened(command.accountId(), command.ownerId(), command.type(), command.currency(),
                command.kycTier(), command.requestedAt()));
    }

    @CommandHandler
    void handle(DepositFunds command) {
        Money amount = command.amount().requireValidMovement();
        amount.requireCurrency(currency);
        requireNotClosed();
        apply(new FundsDeposited(accountId, command.depositId(), amount, command.method(),
                command.method().fundingAccount(currency), command.reference(), command.requestedAt()));
    }

    @CommandHandler
    void handle(WithdrawFunds command, KycLimits limits) {
        Money amount = requireDebitAllowed(command.amount(), command.requestedAt(), limits);
        apply(new FundsWithdrawn(accountId, command.withdrawalId(), amount, command.method(),
                command.method().fundingAccount(currency), command.reference(), command.requestedAt()));
    }

    @CommandHandler
    void handle(DebitForTransfer command, KycLimits limits) {
        if (command.destinationAccountId().equals(accountId)) {
            throw new InvalidAccountRequest("a transfer needs two different accounts");
        }
        Money amount = requireDebitAllowed(command.amount(), command.requestedAt(), limits);
        apply(new TransferDebited(accountId, command.transferId(), amount, command.destinationAccountId(),
                command.description(), command.requestedAt()));
    }

    @CommandHandler
    void handle(CreditForTransfer command) {
        Money amount = command.amount().requireValidMovement();
        amount.requireCurrency(currency);
        requireNotClosed();
        apply(new TransferCredited(accountId, command.transferId(), amount, command.sourceAccountId(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(ConfirmTransferDebit command) {
        Long inFlight = transfersInFlight.get(command.transferId());
        if (inFlight == null) {
            throw new TransferNotPending(accountId, command.transferId());
        }
        apply(new TransferDebitConfirmed(accountId, command.transferId(), new Money(inFlight, currency),
                command.requestedAt()));
    }

    /** Accepted in any status, a closed account included: the money must come back somewhere (I1). */
    @CommandHandler
    void handle(ReverseTransferDebit command) {
        Long inFlight = transfersInFlight.get(command.transferId());
        if (inFlight == null || inFlight != command.amount().minorUnits()) {
            throw new TransferNotPending(accountId, command.transferId());
        }
        apply(new TransferDebitReversed(accountId, command.transferId(), command.amount(), command.reason(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(SetFeeSchedule command) {
        requireNotClosed();
        if (type != AccountType.MERCHANT) {
            throw new NotAMerchant(accountId);
        }
        apply(new FeeScheduleSet(accountId, command.schedule(), command.requestedAt()));
    }

    @CommandHandler
    void handle(PlaceHold command, KycLimits limits) {
        if (command.merchantAccountId().equals(accountId)) {
            throw new NotAMerchant(accountId);
        }
        if (secondFactorEnrolled && !command.secondFactorVerified()) {
            throw new SecondFactorRequired(accountId);
        }
        if (holds.containsKey(command.holdId())) {
            throw new InvalidAccountState(accountId, status, "hold " + command.holdId() + " twice");
        }
        Money amount = requireDebitAllowed(command.amount(), command.requestedAt(), limits);
        apply(new FundsHeld(accountId, command.holdId(), amount, command.merchantAccountId(), command.requestedAt()));
    }

    @CommandHandler
    void handle(CaptureHold command) {
        Hold hold = requireHold(command.holdId());
        Money captured = command.amount().requireValidMovement();
        captured.requireCurrency(currency);
        if (captured.minorUnits() > hold.amountMinor()) {
            throw new InsufficientFunds(accountId, captured, new Money(hold.amountMinor(), currency));
        }
        apply(new HoldCaptured(accountId, command.holdId(), captured,
                new Money(hold.amountMinor() - captured.minorUnits(), currency), hold.merchant(), command.requestedAt()));
    }

    @CommandHandler
    void handle(ReleaseHold command) {
        Hold hold = requireHold(command.holdId());
        apply(new HoldReleased(accountId, command.holdId(), new Money(hold.amountMinor(), currency), command.reason(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(EnrollSecondFactor command) {
        requireNotClosed();
        if (type != AccountType.CUSTOMER) {
            throw new InvalidAccountState(accountId, status, "enroll a second factor: only CUSTOMER accounts can");
        }
        if (secondFactorEnrolled) {
            throw new InvalidAccountState(accountId, status, "enroll a second factor twice");
        }
        apply(new SecondFactorEnrolled(accountId, command.requestedAt()));
    }

    @CommandHandler
    void handle(CheckCanReceivePayment command) {
        if (type != AccountType.MERCHANT) {
            throw new NotAMerchant(accountId);
        }
        requireNotClosed();
        new Money(1, command.currency()).requireCurrency(currency);
    }

    /**
     * Settles a captured payment, less its fee; returns the fee. Accepted in any status: the payment
     * was accepted while the merchant could take it, and its money must land somewhere (I1).
     */
    @CommandHandler
    Money handle(CreditForPayment command) {
        if (type != AccountType.MERCHANT) {
            throw new NotAMerchant(accountId);
        }
        Money gross = command.gross().requireValidMovement();
        gross.requireCurrency(currency);
        Money fee = feeSchedule.feeFor(gross);
        AccountId card = command.fundingSource() == io.walletledger.payment.FundingSource.CARD
                ? PaymentMethod.CARD.fundingAccount(currency) : null;
        apply(new PaymentCredited(accountId, command.paymentId(), gross, fee, gross.minus(fee),
                AccountId.of("sys-fee-revenue-" + currency.code().toLowerCase(java.util.Locale.ROOT)), card,
                command.requestedAt()));
        return fee;
    }

    @CommandHandler
    void handle(DebitForRefund command, KycLimits limits) {
        Money amount = requireDebitAllowed(command.amount(), command.requestedAt(), limits);
        boolean card = command.fundingSource() == io.walletledger.payment.FundingSource.CARD;
        apply(new RefundDebited(accountId, command.paymentId(), command.refundId(), amount,
                card ? PaymentMethod.CARD.fundingAccount(currency) : null, card ? null : command.payerAccountId(),
                command.requestedAt()));
    }

    @CommandHandler
    void handle(CreditRefund command) {
        Money amount = command.amount().requireValidMovement();
        amount.requireCurrency(currency);
        requireNotClosed();
        apply(new RefundCredited(accountId, command.paymentId(), command.refundId(), amount,
                command.merchantAccountId(), command.requestedAt()));
    }

    private Hold requireHold(String holdId) {
        Hold hold = holds.get(holdId);
        if (hold == null) {
            throw new HoldNotFound(accountId, holdId);
        }
        return hold;
    }

    @CommandHandler
    void handle(FreezeAccount command) {
        if (status != AccountStatus.ACTIVE) {
            throw new InvalidAccountState(accountId, status, "freeze");
        }
        apply(new AccountFrozen(accountId, command.reason(), command.requestedAt()));
    }

    @CommandHandler
    void handle(UnfreezeAccount command) {
        if (status != AccountStatus.FROZEN) {
            throw new InvalidAccountState(accountId, status, "unfreeze");
        }
        apply(new AccountUnfrozen(accountId, command.requestedAt()));
    }

    @CommandHandler
    void handle(CloseAccount command) {
        requireNotClosed();
        if (balanceMinor != 0 || heldMinor != 0 || !transfersInFlight.isEmpty()) {
            throw new AccountNotEmpty(accountId, balanceMinor, heldMinor, transfersInFlight.size());
        }
        apply(new AccountClosed(accountId, command.requestedAt()));
    }

    /** The checks every debit and hold passes: I9 amount, I5 currency, I6 status, I2 funds, I9 daily limit. */
    private Money requireDebitAllowed(Money requested, Instant at, KycLimits limits) {
        Money amount = requested.requireValidMovement();
        amount.requireCurrency(currency);
        requireNotClosed();
        if (status == AccountStatus.FROZEN) {
            throw new AccountIsFrozen(accountId);
        }
        long available = Math.subtractExact(balanceMinor, heldMinor);
        if (type != AccountType.SYSTEM && amount.minorUnits() > available) {
            throw new InsufficientFunds(accountId, amount, new Money(available, currency));
        }
        long limit = limits.dailyLimitMinor(kycTier, currency.minorUnitExponent());
        long outSoFar = day(at).equals(outgoingDay) ? outgoingTodayMinor : 0;
        if (Math.addExact(outSoFar, amount.minorUnits()) > limit) {
            throw new LimitExceeded(accountId, new Money(limit, currency), new Money(outSoFar, currency), amount);
        }
        return amount;
    }

    private void requireNotClosed() {
        if (status == AccountStatus.CLOSED) {
            throw new AccountIsClosed(accountId);
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private void countOutgoing(Money amount, Instant at) {
        LocalDate day = day(at);
        outgoingTodayMinor = day.equals(outgoingDay) ? Math.addExact(outgoingTodayMinor, amount.minorUnits())
                : amount.minorUnits();
        outgoingDay = day;
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        type = event.type();
        currency = event.currency();
        kycTier = event.kycTier();
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(FundsDeposited event) {
        balanceMinor = Math.addExact(balanceMinor, event.amount().minorUnits());
    }

    @EventSourcingHandler
    void on(FundsWithdrawn event) {
        balanceMinor = Math.subtractExact(balanceMinor, event.amount().minorUnits());
        countOutgoing(event.amount(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(TransferDebited event) {
        balanceMinor = Math.subtractExact(balanceMinor, event.amount().minorUnits());
        countOutgoing(event.amount(), event.occurredAt());
        transfersInFlight.put(event.transferId(), event.amount().minorUnits());
    }

    @EventSourcingHandler
    void on(TransferCredited event) {
        balanceMinor = Math.addExact(balanceMinor, event.amount().minorUnits());
    }

    @EventSourcingHandler
    void on(TransferDebitConfirmed event) {
        transfersInFlight.remove(event.transferId());
    }

    @EventSourcingHandler
    void on(TransferDebitReversed event) {
        balanceMinor = Math.addExact(balanceMinor, event.amount().minorUnits());
        transfersInFlight.remove(event.transferId());
    }

    @EventSourcingHandler
    void on(SecondFactorEnrolled event) {
        secondFactorEnrolled = true;
    }

    @EventSourcingHandler
    void on(FeeScheduleSet event) {
        feeSchedule = event.schedule();
    }

    @EventSourcingHandler
    void on(FundsHeld event) {
        heldMinor = Math.addExact(heldMinor, event.amount().minorUnits());
        countOutgoing(event.amount(), event.occurredAt());
        holds.put(event.holdId(), new Hold(event.amount().minorUnits(), event.merchantAccountId()));
    }

    @EventSourcingHandler
    void on(HoldCaptured event) {
        Hold hold = holds.remove(event.holdId());
        heldMinor = Math.subtractExact(heldMinor, hold.amountMinor());
        balanceMinor = Math.subtractExact(balanceMinor, event.captured().minorUnits());
    }

    @EventSourcingHandler
    void on(HoldReleased event) {
        Hold hold = holds.remove(event.holdId());
        heldMinor = Math.subtractExact(heldMinor, hold.amountMinor());
    }

    @EventSourcingHandler
    void on(PaymentCredited event) {
        balanceMinor = Math.addExact(balanceMinor, event.net().minorUnits());
    }

    @EventSourcingHandler
    void on(RefundDebited event) {
        balanceMinor = Math.subtractExact(balanceMinor, event.amount().minorUnits());
        countOutgoing(event.amount(), event.occurredAt());
    }

    @EventSourcingHandler
    void on(RefundCredited event) {
        balanceMinor = Math.addExact(balanceMinor, event.amount().minorUnits());
    }

    @EventSourcingHandler
    void on(AccountFrozen event) {
        status = AccountStatus.FROZEN;
    }

    @EventSourcingHandler
    void on(AccountUnfrozen event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountClosed event) {
        status = AccountStatus.CLOSED;
    }
}
