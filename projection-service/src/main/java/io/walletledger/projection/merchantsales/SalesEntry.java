package io.walletledger.projection.merchantsales;

import java.time.Instant;

/** One sales fact with who paid and how (payer and method are unknown until the authorization is applied). */
record SalesEntry(Kind kind, long amount, String currency, Instant occurredAt, String paymentId, String payerKey,
                  String method) {

    enum Kind { CAPTURE, REFUND, FEE }
}
