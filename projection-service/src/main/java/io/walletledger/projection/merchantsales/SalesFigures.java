package io.walletledger.projection.merchantsales;

import io.walletledger.projection.accountview.AccountView.Amount;

/**
 * Sales over a period: gross captured, refunded, fees, net (= gross − refunded − fees), payments
 * captured, refunds, distinct payers and the average ticket (gross / payments, rounded half up).
 */
public record SalesFigures(Amount gross, Amount refunded, Amount fees, Amount net, long paymentCount,
                           long refundCount, long uniquePayers, Amount averageTicket) {
}
