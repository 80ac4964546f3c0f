package io.walletledger.projection.merchantsales;

/** The report's buckets as CSV (RFC 4180), amounts in minor units of the report's currency, then a total line. */
final class SalesCsv {

    static final String HEADER = "bucket_start,bucket_local,currency,gross,refunded,fees,net,payment_count,"
            + "refund_count,unique_payers,average_ticket";

    private SalesCsv() {
    }

    static String of(SalesReport report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SalesReport.Bucket bucket : report.buckets()) {
            line(csv, bucket.start().toString(), bucket.label(), report.currency(), bucket.figures());
        }
        line(csv, "total", report.timeZone(), report.currency(), report.totals());
        return csv.toString();
    }

    private static void line(StringBuilder csv, String start, String label, String currency, SalesFigures f) {
        csv.append(String.join(",", start, label, currency, Long.toString(f.gross().amount()),
                Long.toString(f.refunded().amount()), Long.toString(f.fees().amount()), Long.toString(f.net().amount()),
                Long.toString(f.paymentCount()), Long.toString(f.refundCount()), Long.toString(f.uniquePayers()),
                Long.toString(f.averageTicket().amount()))).append("\r\n");
    }
}
