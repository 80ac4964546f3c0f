package io.walletledger.command.intake;

import io.walletledger.command.operations.AccountOperations;
import io.walletledger.command.operations.MoneyOperations;
import io.walletledger.command.operations.PaymentOperations;
import io.walletledger.command.operations.Prepared;
import io.walletledger.servicekit.http.JsonRequest;
import io.walletledger.servicekit.security.Permission;

import java.util.Arrays;
import java.util.Optional;

/**
 * The command types of {@code ledger.commands.v1}: the operations of the HTTP API, each with the path
 * it has there. A command whose HTTP path carries an id (an account, a payment) carries it in its
 * payload instead ({@code idField}); the rest of the payload is the HTTP request body. Each needs
 * the permission its HTTP route needs, granted to the command's issuer ({@link IntakeIssuers}).
 */
public enum CommandType {
    ACCOUNT_OPEN("account.open", "/v1/accounts", null, Permission.ACCOUNTS_OPEN),
    ACCOUNT_FREEZE("account.freeze", "/v1/accounts/{id}/freeze", "accountId", Permission.ACCOUNTS_MANAGE),
    ACCOUNT_UNFREEZE("account.unfreeze", "/v1/accounts/{id}/unfreeze", "accountId", Permission.ACCOUNTS_MANAGE),
    ACCOUNT_CLOSE("account.close", "/v1/accounts/{id}/close", "accountId", Permission.ACCOUNTS_MANAGE),
    DEPOSIT("deposit", "/v1/deposits", null, Permission.DEPOSITS_CREATE),
    WITHDRAWAL("withdrawal", "/v1/withdrawals", null, Permission.WITHDRAWALS_CREATE),
    TRANSFER("transfer", "/v1/transfers", null, Permission.TRANSFERS_CREATE),
    PAYMENT_REQUEST("payment.request", "/v1/payments", null, Permission.PAYMENTS_CREATE),
    PAYMENT_AUTHORIZE("payment.authorize", "/v1/payments/{id}/authorize", "paymentId", Permission.PAYMENTS_AUTHORIZE),
    PAYMENT_CAPTURE("payment.capture", "/v1/payments/{id}/capture", "paymentId", Permission.PAYMENTS_CAPTURE),
    PAYMENT_CANCEL("payment.cancel", "/v1/payments/{id}/cancel", "paymentId", Permission.PAYMENTS_CANCEL),
    PAYMENT_REFUND("payment.refund", "/v1/payments/{id}/refunds", "paymentId", Permission.PAYMENTS_REFUND);

    private final String wireName;
    private final String pathTemplate;
    private final String idField;
    private final Permission permission;

    CommandType(String wireName, String pathTemplate, String idField, Permission permission) {
        this.wireName = wireName;
        this.pathTemplate = pathTemplate;
        this.idField = idField;
        this.permission = permission;
    }

    public String wireName() {
        return wireName;
    }

    /** What the issuer must be granted: the permission of the equivalent HTTP route. */
    public Permission permission() {
        return permission;
    }

    public static Optional<CommandType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** A command made ready to run, and the HTTP request it is equivalent to (its idempotency fingerprint). */
    record Routed(Prepared prepared, String fingerprint) {
    }

    Routed route(JsonRequest payload, AccountOperations accounts, MoneyOperations money, PaymentOperations payments) {
        String id = idField == null ? null : payload.requiredText(idField, 64);
        JsonRequest body = idField == null ? payload : payload.without(idField);
        Prepared prepared = switch (this) {
            case ACCOUNT_OPEN -> accounts.open(body);
            case ACCOUNT_FREEZE -> accounts.freeze(id, body);
            case ACCOUNT_UNFREEZE -> accounts.unfreeze(id, body);
            case ACCOUNT_CLOSE -> accounts.close(id, body);
            case DEPOSIT -> money.deposit(body);
            case WITHDRAWAL -> money.withdraw(body);
            case TRANSFER -> money.transfer(body);
            case PAYMENT_REQUEST -> payments.request(body);
            case PAYMENT_AUTHORIZE -> payments.authorize(id, body);
            case PAYMENT_CAPTURE -> payments.capture(id, body);
            case PAYMENT_CANCEL -> payments.cancel(id, body);
            case PAYMENT_REFUND -> payments.refund(id, body);
        };
        String path = id == null ? pathTemplate : pathTemplate.replace("{id}", id);
        return new Routed(prepared, "POST " + path + "\n" + body.canonical());
    }
}
