package io.walletledger.projection.merchantsales;

import java.time.Instant;
import java.util.Map;

/** One merchant's sales in one UTC hour, as published on {@code ledger.merchant-sales.v1} (key merchant/hour). */
public record MerchantSalesBucket(String merchantAccountId, Instant bucketStart, Instant bucketEnd, String currency,
                                  SalesFigures figures, Map<String, SalesFigures> byPaymentMethod) {
}
