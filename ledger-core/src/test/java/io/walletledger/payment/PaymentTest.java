package io.walletledger.payment;

import io.walletledger.account.AccountId;
import io.walletledger.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class PaymentTest {

    private static final PaymentId PAY = PaymentId.of("pay-1");
    private static final AccountId SHOP = AccountId.of("shop");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(900);
    private static final Instant HOLD_EXPIRY = T0.plusSeconds(7 * 86_400);
    private static final Money TEN = Money.of(1_000, "EUR");

    private static final PaymentRequested REQUESTED = new PaymentRequested(PAY, SHOP, TEN, "order-1",
            CaptureMethod.MANUAL, null, EXPIRY, T0);
    private static final PaymentAuthorized AUTHORIZED = new PaymentAuthorized(PAY, SHOP, FundingSource.WALLET, ALICE,
            null, TEN, HOLD_EXPIRY, T0);

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    @Nested
    class Requesting {
        @Test
        void a_merchant_requests_a_payment() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPayment(PAY, SHOP, TEN, "order-1", CaptureMethod.MANUAL, null, EXPIRY, T0))
                    .expectEvents(REQUESTED);
        }

        @Test
        void I9_limits_a_zero_amount_cannot_be_requested() {
            fixture.givenNoPriorActivity()
                    .when(new RequestPayment(PAY, SHOP, Money.of(0, "EUR"), "o", CaptureMethod.MANUAL, null, EXPIRY, T0))
                    .expectException(io.walletledger.money.InvalidAmount.class);
        }
    }

    @Nested
    class Authorizing {
        @Test
        void the_payer_authorizes_before_expiry() {
            fixture.given(REQUESTED)
                    .when(new AuthorizePayment(PAY, FundingSource.WALLET, ALICE, null, HOLD_EXPIRY, T0))
                    .expectEvents(AUTHORIZED);
        }

        @Test
        void an_expired_request_cannot_be_authorized() {
            fixture.given(REQUESTED)
                    .when(new AuthorizePayment(PAY, FundingSource.WALLET, ALICE, null, HOLD_EXPIRY, EXPIRY))
                    .expectException(InvalidPaymentState.class);
        }

        @Test
        void a_payment_is_authorized_once() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new AuthorizePayment(PAY, FundingSource.WALLET, ALICE, null, HOLD_EXPIRY, T0))
                    .expectException(InvalidPaymentState.class);
        }
    }

    @Nested
    class Capturing {
        @Test
        void I4_payment_bounds_a_partial_capture_releases_the_rest() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new CapturePayment(PAY, Money.of(600, "EUR"), T0))
                    .expectEvents(new PaymentCaptured(PAY, SHOP, FundingSource.WALLET, ALICE, Money.of(600, "EUR"),
                            Money.of(400, "EUR"), T0));
        }

        @Test
        void I4_payment_bounds_captured_never_exceeds_authorized() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new CapturePayment(PAY, Money.of(1_001, "EUR"), T0))
                    .expectException(CaptureExceedsAuthorized.class)
                    .expectNoEvents();
        }

        @Test
        void an_unauthorized_payment_cannot_be_captured() {
            fixture.given(REQUESTED)
                    .when(new CapturePayment(PAY, null, T0))
                    .expectException(InvalidPaymentState.class);
        }
    }

    @Nested
    class Refunding {
        private final PaymentCaptured captured = new PaymentCaptured(PAY, SHOP, FundingSource.WALLET, ALICE,
                Money.of(800, "EUR"), Money.of(200, "EUR"), T0);

        @Test
        void I4_payment_bounds_partial_refunds_add_up_to_the_captured_amount_and_no_more() {
            fixture.given(REQUESTED, AUTHORIZED, captured,
                            new PaymentRefunded(PAY, SHOP, "r1", Money.of(500, "EUR"), Money.of(500, "EUR"), false, null, T0))
                    .when(new RefundPayment(PAY, "r2", Money.of(300, "EUR"), "damaged", T0))
                    .expectEvents(new PaymentRefunded(PAY, SHOP, "r2", Money.of(300, "EUR"), Money.of(800, "EUR"), true,
                            "damaged", T0));
            fixture.given(REQUESTED, AUTHORIZED, captured,
                            new PaymentRefunded(PAY, SHOP, "r1", Money.of(500, "EUR"), Money.of(500, "EUR"), false, null, T0))
                    .when(new RefundPayment(PAY, "r2", Money.of(301, "EUR"), null, T0))
                    .expectException(RefundExceedsCaptured.class)
                    .expectNoEvents();
        }

        @Test
        void an_uncaptured_payment_cannot_be_refunded() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new RefundPayment(PAY, "r1", Money.of(1, "EUR"), null, T0))
                    .expectException(InvalidPaymentState.class);
        }
    }

    @Nested
    class CancelingAndExpiring {
        @Test
        void I3_holds_canceling_an_authorized_wallet_payment_releases_its_hold() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new CancelPayment(PAY, T0))
                    .expectEvents(new PaymentCanceled(PAY, SHOP, ALICE, TEN, T0));
        }

        @Test
        void a_captured_payment_cannot_be_canceled() {
            fixture.given(REQUESTED, AUTHORIZED, new PaymentCaptured(PAY, SHOP, FundingSource.WALLET, ALICE, TEN,
                            Money.of(0, "EUR"), T0))
                    .when(new CancelPayment(PAY, T0))
                    .expectException(InvalidPaymentState.class);
        }

        @Test
        void an_unauthorized_request_expires_at_its_deadline_and_not_before() {
            fixture.given(REQUESTED)
                    .when(new ExpirePayment(PAY, EXPIRY.minusSeconds(1)))
                    .expectException(InvalidPaymentState.class);
            fixture.given(REQUESTED)
                    .when(new ExpirePayment(PAY, EXPIRY))
                    .expectEvents(new PaymentExpired(PAY, SHOP, ExpiryStage.REQUEST, null, null, EXPIRY));
        }

        @Test
        void I3_holds_an_uncaptured_hold_expires_and_is_released() {
            fixture.given(REQUESTED, AUTHORIZED)
                    .when(new ExpirePayment(PAY, HOLD_EXPIRY))
                    .expectEvents(new PaymentExpired(PAY, SHOP, ExpiryStage.HOLD, ALICE, TEN, HOLD_EXPIRY));
        }
    }
}
