package io.walletledger.command.http;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request bodies as the OpenAPI document describes them. Controllers read bodies strictly with
 * JsonRequest (so that every malformed field gets a named 4xx); these records only document the shape.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "OpenAccountRequest")
    record OpenAccountRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128) String ownerId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"CUSTOMER", "MERCHANT"}) String type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR", description = "ISO 4217") String currency,
            @Schema(description = "KYC tier (default 1); sets the daily outgoing limit") Integer kycTier,
            @Schema(description = "MERCHANT only; default from configuration") Fee fee) {
    }

    record Fee(@Schema(minimum = "0", maximum = "10000") Integer basisPoints,
               @Schema(description = "minor units", minimum = "0") Long fixedAmount) {
    }

    @Schema(name = "StatusChangeRequest")
    record StatusChangeRequest(@Schema(maxLength = 256) String reason) {
    }

    @Schema(name = "MovementRequest", description = "A deposit or a withdrawal")
    record MovementRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "minor units, 1..10^15") Long amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EUR") String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"CARD", "BANK_TRANSFER", "CASH", "EXTERNAL_WALLET"}) String method,
            @Schema(maxLength = 256) String reference) {
    }

    @Schema(name = "TransferRequest")
    record TransferRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sourceAccountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String destinationAccountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "minor units") Long amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(maxLength = 256) String description) {
    }

    @Schema(name = "PaymentRequest")
    record PaymentRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String merchantAccountId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "minor units") Long amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 128) String orderReference,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"AUTOMATIC", "MANUAL"})
            String captureMethod,
            @Schema(maxLength = 256) String description,
            @Schema(description = "default from configuration (30 minutes)") Integer expiresInSeconds) {
    }

    @Schema(name = "AuthorizeRequest", description = "{payerAccountId, secondFactorCode?} or {paymentMethod: CARD, cardReference}")
    record AuthorizeRequest(
            String payerAccountId,
            @Schema(description = "6-digit TOTP code, required once the payer enrolled a second factor") String secondFactorCode,
            @Schema(allowableValues = {"WALLET", "CARD"}) String paymentMethod,
            @Schema(description = "the card authorization's reference from the card processor") String cardReference) {
    }

    @Schema(name = "CaptureRequest", description = "Without an amount the whole authorized amount is captured")
    record CaptureRequest(Long amount, String currency) {
    }

    @Schema(name = "RefundRequest")
    record RefundRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long amount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(maxLength = 256) String reason) {
    }
}
