package io.walletledger.loadgen.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One ledger command, sendable over HTTP ({@code POST path} with {@code body}) or Kafka (type {@code type},
 * payload = body plus the path's id field, record key {@code key}), as docs/kafka-commands.md maps them.
 */
public record Command(String type, String path, ObjectNode body, String idField, String idValue, String key) {

    public static final ObjectMapper JSON = new ObjectMapper();

    public static Command openAccount(String ownerId, String accountType, int kycTier) {
        ObjectNode body = JSON.createObjectNode().put("ownerId", ownerId).put("type", accountType)
                .put("currency", "EUR").put("kycTier", kycTier);
        return new Command("account.open", "/v1/accounts", body, null, null, ownerId);
    }

    public static Command deposit(String accountId, long amount) {
        ObjectNode body = JSON.createObjectNode().put("accountId", accountId).put("amount", amount)
                .put("currency", "EUR").put("method", "CARD");
        return new Command("deposit", "/v1/deposits", body, null, null, accountId);
    }

    public static Command transfer(String sourceAccountId, String destinationAccountId, long amount) {
        ObjectNode body = JSON.createObjectNode().put("sourceAccountId", sourceAccountId)
                .put("destinationAccountId", destinationAccountId).put("amount", amount).put("currency", "EUR");
        return new Command("transfer", "/v1/transfers", body, null, null, sourceAccountId);
    }

    public static Command requestPayment(String merchantAccountId, long amount, String orderReference, boolean manual) {
        ObjectNode body = JSON.createObjectNode().put("merchantAccountId", merchantAccountId).put("amount", amount)
                .put("currency", "EUR").put("orderReference", orderReference)
                .put("captureMethod", manual ? "MANUAL" : "AUTOMATIC");
        return new Command("payment.request", "/v1/payments", body, null, null, merchantAccountId);
    }

    public static Command authorize(String paymentId, String payerAccountId) {
        return onPayment("payment.authorize", paymentId, "/authorize",
                JSON.createObjectNode().put("payerAccountId", payerAccountId));
    }

    public static Command capture(String paymentId) {
        return onPayment("payment.capture", paymentId, "/capture", JSON.createObjectNode());
    }

    public static Command refund(String paymentId, long amount) {
        return onPayment("payment.refund", paymentId, "/refunds",
                JSON.createObjectNode().put("amount", amount).put("currency", "EUR"));
    }

    private static Command onPayment(String type, String paymentId, String action, ObjectNode body) {
        return new Command(type, "/v1/payments/" + paymentId + action, body, "paymentId", paymentId, paymentId);
    }

    /** The Kafka payload: the HTTP body plus the id the HTTP path carries. */
    ObjectNode payload() {
        ObjectNode payload = body.deepCopy();
        if (idField != null) {
            payload.put(idField, idValue);
        }
        return payload;
    }
}
