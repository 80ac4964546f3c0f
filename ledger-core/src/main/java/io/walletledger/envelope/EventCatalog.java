package io.walletledger.envelope;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.FeeScheduleSet;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldReleased;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.SecondFactorEnrolled;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCanceled;
import io.walletledger.payment.PaymentCaptured;
import io.walletledger.payment.PaymentExpired;
import io.walletledger.payment.PaymentRefunded;
import io.walletledger.payment.PaymentRequested;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferDebitConfirmed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of event type names: the CloudEvents {@code type} on Kafka and the payload type in
 * the event store. Names are part of the public contract and never change; a new shape of an event
 * is a new revision of the same name.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends LedgerEvent>> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("account.opened", AccountOpened.class);
        register("account.funds_deposited", FundsDeposited.class);
        register("account.funds_withdrawn", FundsWithdrawn.class);
        register("account.frozen", AccountFrozen.class);
        register("account.unfrozen", AccountUnfrozen.class);
        register("account.closed", AccountClosed.class);
        register("transfer.debited", TransferDebited.class);
        register("transfer.completed", TransferCredited.class);
        register("transfer.reversed", TransferDebitReversed.class);
        register("transfer.debit_confirmed", TransferDebitConfirmed.class);
        register("account.fee_schedule_set", FeeScheduleSet.class);
        register("account.second_factor_enrolled", SecondFactorEnrolled.class);
        register("account.funds_held", FundsHeld.class);
        register("account.hold_captured", HoldCaptured.class);
        register("account.hold_released", HoldReleased.class);
        register("account.payment_credited", PaymentCredited.class);
        register("account.refund_debited", RefundDebited.class);
        register("account.refund_credited", RefundCredited.class);
        register("payment.requested", PaymentRequested.class);
        register("payment.authorized", PaymentAuthorized.class);
        register("payment.captured", PaymentCaptured.class);
        register("payment.canceled", PaymentCanceled.class);
        register("payment.refunded", PaymentRefunded.class);
        register("payment.expired", PaymentExpired.class);
    }

    private EventCatalog() {
    }

    private static void register(String type, Class<? extends LedgerEvent> eventClass) {
        BY_TYPE.put(type, eventClass);
        BY_CLASS.put(eventClass, type);
    }

    public static Optional<Class<? extends LedgerEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Optional<String> typeOf(Class<?> eventClass) {
        return Optional.ofNullable(BY_CLASS.get(eventClass));
    }

    public static String requireTypeOf(Class<?> eventClass) {
        return typeOf(eventClass).orElseThrow(
                () -> new IllegalArgumentException(eventClass.getName() + " is not in the event catalog"));
    }

    public static Map<String, Class<? extends LedgerEvent>> all() {
        return Map.copyOf(BY_TYPE);
    }
}
