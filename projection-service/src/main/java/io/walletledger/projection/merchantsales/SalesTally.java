package io.walletledger.projection.merchantsales;

import io.walletledger.projection.accountview.AccountView.Amount;

import java.util.HashSet;
import java.util.Set;

/** Sums sales facts into {@link SalesFigures}. */
final class SalesTally {

    private long gross;
    private long refunded;
    private long fees;
    private long payments;
    private long refunds;
    private final Set<String> payers = new HashSet<>();

    void add(SalesEntry entry) {
        switch (entry.kind()) {
            case CAPTURE -> {
                gross = Math.addExact(gross, entry.amount());
                payments++;
                if (entry.payerKey() != null) {
                    payers.add(entry.payerKey());
                }
            }
            case REFUND -> {
                refunded = Math.addExact(refunded, entry.amount());
                refunds++;
            }
            case FEE -> fees = Math.addExact(fees, entry.amount());
        }
    }

    SalesFigures figures(String currency) {
        long net = Math.subtractExact(Math.subtractExact(gross, refunded), fees);
        long average = payments == 0 ? 0 : Math.addExact(gross, payments / 2) / payments;
        return new SalesFigures(new Amount(gross, currency), new Amount(refunded, currency), new Amount(fees, currency),
                new Amount(net, currency), payments, refunds, payers.size(), new Amount(average, currency));
    }
}
