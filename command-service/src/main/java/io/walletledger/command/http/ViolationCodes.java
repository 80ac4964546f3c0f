package io.walletledger.command.http;

import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountAlreadyExists;
import io.walletledger.account.AccountClosed;
import io.walletledger.money.CurrencyMismatch;
import io.walletledger.money.InvalidAmount;
import io.walletledger.money.UnsupportedCurrency;
import io.walletledger.violation.LedgerViolation;

import java.util.Map;

/** One stable problem code per typed violation; a test checks that every violation has one. */
final class ViolationCodes {

    record Mapping(HttpStatus status, String code) {
    }

    static final Map<Class<? extends LedgerViolation>, Mapping> CODES = Map.of(
            InvalidAmount.class, new Mapping(HttpStatus.BAD_REQUEST, "invalid_amount"),
            UnsupportedCurrency.class, new Mapping(HttpStatus.BAD_REQUEST, "unsupported_currency"),
            CurrencyMismatch.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "currency_mismatch"),
            AccountClosed.class, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "account_closed"),
            AccountAlreadyExists.class, new Mapping(HttpStatus.CONFLICT, "already_exists"));

    private ViolationCodes() {
    }

    static Mapping of(LedgerViolation violation) {
        Mapping mapping = CODES.get(violation.getClass());
        if (mapping == null) {
            throw new IllegalStateException("no problem code for " + violation.getClass().getName());
        }
        return mapping;
    }
}
