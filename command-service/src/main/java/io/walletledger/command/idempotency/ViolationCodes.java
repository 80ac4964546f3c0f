package io.walletledger.command.idempotency;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountAlreadyExists;
import io.walletledger.account.AccountIsClosed;
import io.walletledger.account.AccountIsFrozen;
import io.walletledger.account.AccountNotEmpty;
import io.walletledger.account.InsufficientFunds;
import io.walletledger.account.InvalidAccountRequest;
import io.walletledger.account.InvalidAccountState;
import io.walletledger.account.HoldNotFound;
import io.walletledger.account.LimitExceeded;
import io.walletledger.account.NotAMerchant;
import io.walletledger.account.SecondFactorRequired;
import io.walletledger.payment.CaptureExceedsAuthorized;
import io.walletledger.payment.InvalidPaymentState;
import io.walletledger.payment.RefundExceedsCaptured;
import io.walletledger.account.TransferNotPending;
import io.walletledger.money.CurrencyMismatch;
import io.walletledger.money.InvalidAmount;
import io.walletledger.money.UnsupportedCurrency;
import io.walletledger.violation.LedgerViolation;

import java.util.Map;

/** One stable problem code per typed violation, the same for HTTP and Kafka; a test checks every violation has one. */
public final class ViolationCodes {

    public record Mapping(HttpStatus status, String code) {
    }

    static final Map<Class<? extends LedgerViolation>, Mapping> CODES = Map.ofEntries(
            Map.entry(InvalidAmount.class, new Mapping(HttpStatus.BAD_REQUEST, "invalid_amount")),
            Map.entry(UnsupportedCurrency.class, new Mapping(HttpStatus.BAD_REQUEST, "unsupported_currency")),
            Map.entry(CurrencyMismatch.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "currency_mismatch")),
            Map.entry(InsufficientFunds.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "insufficient_funds")),
            Map.entry(LimitExceeded.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "limit_exceeded")),
            Map.entry(AccountIsFrozen.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "account_frozen")),
            Map.entry(AccountIsClosed.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "account_closed")),
            Map.entry(AccountNotEmpty.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "account_not_empty")),
            Map.entry(InvalidAccountState.class, new Mapping(HttpStatus.CONFLICT, "invalid_state")),
            Map.entry(HoldNotFound.class, new Mapping(HttpStatus.CONFLICT, "invalid_state")),
            Map.entry(InvalidPaymentState.class, new Mapping(HttpStatus.CONFLICT, "invalid_state")),
            Map.entry(NotAMerchant.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "not_a_merchant")),
            Map.entry(CaptureExceedsAuthorized.class,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "capture_exceeds_authorized")),
            Map.entry(RefundExceedsCaptured.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "refund_exceeds_captured")),
            Map.entry(SecondFactorRequired.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "second_factor_required")),
            Map.entry(InvalidAccountRequest.class, new Mapping(HttpStatus.BAD_REQUEST, "validation_failed")),
            Map.entry(TransferNotPending.class, new Mapping(HttpStatus.CONFLICT, "invalid_state")),
            Map.entry(AccountAlreadyExists.class, new Mapping(HttpStatus.CONFLICT, "already_exists")));

    private ViolationCodes() {
    }

    public static Mapping of(LedgerViolation violation) {
        Mapping mapping = CODES.get(violation.getClass());
        if (mapping == null) {
            throw new IllegalStateException("no problem code for " + violation.getClass().getName());
        }
        return mapping;
    }

    public static boolean maps(Class<?> violationType) {
        return CODES.containsKey(violationType);
    }
}
