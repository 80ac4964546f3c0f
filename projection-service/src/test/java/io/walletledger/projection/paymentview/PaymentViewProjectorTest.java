package io.walletledger.projection.paymentview;

import io.walletledger.account.AccountId;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.payment.CaptureMethod;
import io.walletledger.payment.ExpiryStage;
import io.walletledger.payment.FundingSource;
import io.walletledger.payment.PaymentAuthorized;
import io.walletledger.payment.PaymentCanceled;
import io.walletledger.payment.PaymentExpired;
import io.walletledger.payment.PaymentId;
import io.walletledger.payment.PaymentRequested;
import io.walletledger.projection.History;
import io.walletledger.projection.ProjectorDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.walletledger.projection.History.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** The payment view per event type, on the service's schema (H2, no Kafka). */
class PaymentViewProjectorTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final PaymentId P = PaymentId.of("p1");
    private static final AccountId SHOP = AccountId.of("shop");
    private static final AccountId PAYER = AccountId.of("a");

    private final ProjectorDatabase db = new ProjectorDatabase();
    private final PaymentViewProjector projector = new PaymentViewProjector();
    private final PaymentViewRepository views = new PaymentViewRepository(db.dataSource());

    private PaymentView view() {
        return views.find("p1").orElseThrow();
    }

    @Test
    void a_request_shows_the_amount_awaiting_authorization() throws Exception {
        db.apply(projector, new History().add(new PaymentRequested(P, SHOP, eur(900), "o-1", CaptureMethod.MANUAL, "tea",
                T.plusSeconds(60), T)));
        assertThat(view().status()).isEqualTo("REQUIRES_AUTHORIZATION");
        assertThat(view().amount().amount()).isEqualTo(900);
        assertThat(view().orderReference()).isEqualTo("o-1");
        assertThat(view().timeline()).extracting(PaymentView.TimelineEntry::type).containsExactly("payment.requested");
    }

    @Test
    void I4_capture_refunds_and_the_fee_add_up_in_the_view() throws Exception {
        History h = new History().walletPayment("p1", "shop", "a", 2000, 60, T)
                .walletRefund("p1", "shop", "a", 500, 500, false, T.plusSeconds(1));
        db.apply(projector, h.events());
        PaymentView v = view();
        assertThat(v.status()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(v.authorized().amount()).isEqualTo(2000);
        assertThat(v.captured().amount()).isEqualTo(2000);
        assertThat(v.refunded().amount()).isEqualTo(500);
        assertThat(v.fee().amount()).isEqualTo(60);
        assertThat(v.merchantNet().amount()).isEqualTo(2000 - 500 - 60);
        assertThat(v.payerAccountId()).isEqualTo("a");
        assertThat(v.paymentMethod()).isEqualTo("WALLET");
        assertThat(v.timeline()).extracting(PaymentView.TimelineEntry::type).contains("payment.requested",
                "payment.authorized", "payment.captured", "payment.refunded");
    }

    @Test
    void a_full_refund_marks_the_payment_refunded() throws Exception {
        db.apply(projector, new History().walletPayment("p1", "shop", "a", 2000, 0, T)
                .walletRefund("p1", "shop", "a", 2000, 2000, true, T).events());
        assertThat(view().status()).isEqualTo("REFUNDED");
    }

    @Test
    void the_merchant_credit_may_arrive_before_the_payment_events() throws Exception {
        History h = new History().cardPayment("p1", "shop", "card-77", 1000, 25, T);
        List<CloudEvent> events = h.events();
        db.apply(projector, events.get(events.size() - 1));
        assertThat(views.find("p1")).isEmpty();
        db.apply(projector, events.subList(0, events.size() - 1));
        assertThat(view().fee().amount()).isEqualTo(25);
        assertThat(view().status()).isEqualTo("CAPTURED");
        assertThat(view().paymentMethod()).isEqualTo("CARD");
    }

    @Test
    void cancel_and_expiry_end_the_payment() throws Exception {
        History h = new History();
        h.add(new PaymentRequested(P, SHOP, eur(900), "o", CaptureMethod.MANUAL, null, T.plusSeconds(60), T));
        h.add(new PaymentAuthorized(P, SHOP, FundingSource.WALLET, PAYER, null, eur(900), T.plusSeconds(600), T));
        h.add(new PaymentCanceled(P, SHOP, PAYER, eur(900), T));
        db.apply(projector, h.events());
        assertThat(view().status()).isEqualTo("CANCELED");

        PaymentId other = PaymentId.of("p2");
        History expiring = new History();
        expiring.add(new PaymentRequested(other, SHOP, eur(900), "o", CaptureMethod.MANUAL, null, T.plusSeconds(60), T));
        expiring.add(new PaymentExpired(other, SHOP, ExpiryStage.REQUEST, null, eur(0), T.plusSeconds(60)));
        db.apply(projector, expiring.events());
        assertThat(views.find("p2").orElseThrow().status()).isEqualTo("EXPIRED");
    }
}
