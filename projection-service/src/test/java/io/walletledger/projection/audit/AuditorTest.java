package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.walletledger.account.AccountId;
import io.walletledger.account.TransferCredited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.EventChain;
import io.walletledger.envelope.EventEnvelopeCodec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.walletledger.projection.audit.ChainedHistory.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor on a clean history, and each kind of corruption detected and named with its event. */
class AuditorTest {

    private static AuditResult audit(List<byte[]> records) {
        Auditor auditor = new Auditor(null, null);
        for (int i = 0; i < records.size(); i++) {
            auditor.accept(records.get(i), "test@" + i);
        }
        return auditor.finish(1);
    }

    private static List<Violation> of(AuditResult result, Violation.Kind kind) {
        return result.violations().stream().filter(v -> v.kind() == kind).toList();
    }

    @Test
    void a_clean_history_passes_with_every_balance_payment_and_total_rebuilt() {
        ChainedHistory h = ChainedHistory.clean();
        AuditResult result = audit(h.records());
        assertThat(result.violations()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.eventsApplied()).isEqualTo(h.events.size());
        assertThat(result.accounts().get(h.alice).balance).isEqualTo(10_000 - 2_000 - 2_500 + 1_000);
        assertThat(result.accounts().get(h.alice).held).isZero();
        assertThat(result.accounts().get(h.bob).balance).isEqualTo(2_500);
        assertThat(result.accounts().get(h.shop).balance).isEqualTo(2_425 - 1_000);
        assertThat(result.accounts().get("sys-fee-revenue-eur").balance).isEqualTo(75);
        assertThat(result.accounts().get("sys-funding-card-eur").balance).isEqualTo(-10_500);
        LedgerReplay.Payment payment = result.payments().get(h.payment);
        assertThat(List.of(payment.authorized, payment.captured, payment.refunded)).containsExactly(3_000L, 2_500L, 1_000L);
        assertThat(result.totals().get("EUR").sum()).isZero();
        assertThat(result.totals().get("EUR").inFlight()).isZero();
    }

    @Test
    void I1_money_in_flight_keeps_the_sum_at_zero_and_a_redelivered_record_is_not_counted_twice() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        records.remove(6); // the transfer's credit (bob's last event) has not happened yet: money in flight
        records.add(records.get(3)); // the publisher's at-least-once resend of a deposit
        AuditResult result = audit(records);
        assertThat(result.totals().get("EUR").inFlight()).isEqualTo(2_000);
        assertThat(result.totals().get("EUR").sum()).isZero();
        assertThat(result.redeliveries()).isEqualTo(1);
        assertThat(result.accounts().get(h.alice).balance).isEqualTo(10_000 - 2_000 - 2_500 + 1_000);
        assertThat(result.passed()).as("money in flight is no violation").isTrue();
    }

    @Test
    void I8_a_changed_amount_is_a_tampered_event() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        ObjectNode deposit = ChainedHistory.tree(records.get(3));
        ((ObjectNode) deposit.at("/data/amount")).put("amount", 1_000_000);
        records.set(3, ChainedHistory.bytes(deposit));
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.TAMPERED_EVENT)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).containsExactly(h.events.get(3).id()));
        assertThat(result.passed()).isFalse();
    }

    @Test
    void I8_a_deleted_event_is_missing() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        records.remove(5); // alice's transfer debit
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.MISSING_EVENT)).singleElement().satisfies(v -> {
            assertThat(v.aggregateId()).isEqualTo(h.alice);
            assertThat(v.detail()).contains("[2]");
        });
        assertThat(of(result, Violation.Kind.UNBALANCED_MOVEMENT)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).contains(h.events.get(6).id()));
    }

    @Test
    void I8_a_reordered_event_is_out_of_order() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        byte[] debit = records.remove(5); // alice@2, now after alice@3 (the transfer confirmation)
        records.add(7, debit);
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.OUT_OF_ORDER)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).containsExactly(h.events.get(5).id()));
        assertThat(of(result, Violation.Kind.MISSING_EVENT)).isEmpty();
    }

    @Test
    void I8_a_duplicated_event_with_a_new_id_is_named_and_not_counted() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        ObjectNode copy = ChainedHistory.tree(records.get(3));
        copy.put("id", UUID.randomUUID().toString());
        records.add(ChainedHistory.bytes(copy));
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.DUPLICATE_EVENT)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).containsExactly(copy.get("id").asText()));
        assertThat(result.accounts().get(h.alice).balance).as("not counted twice").isEqualTo(6_500);
    }

    @Test
    void I1_an_injected_unbalanced_movement_is_named_with_its_event() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        CloudEvent forged = CloudEvent.of(UUID.randomUUID().toString(), 3, h.tick(), new TransferCredited(
                AccountId.of(h.bob), "trf_forged", eur(700), AccountId.of(h.alice), h.now()));
        String previous = new EventEnvelopeCodec().decodeForAudit(records.get(6)).chainHash();
        records.add(new EventEnvelopeCodec().encodeChained(forged, previous).bytes());
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.UNBALANCED_MOVEMENT)).singleElement().satisfies(v -> {
            assertThat(v.eventIds()).containsExactly(forged.id());
            assertThat(v.detail()).contains("700 EUR more than was debited");
        });
    }

    @Test
    void I8_a_broken_chain_link_is_named() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        ObjectNode credit = ChainedHistory.tree(records.get(6)); // bob@2
        String forgedPrevious = "f".repeat(64);
        credit.put(EventChain.PREV_CHAIN_HASH, forgedPrevious);
        credit.put(EventChain.CHAIN_HASH, EventChain.link(forgedPrevious, EventChain.canonical(credit)));
        records.set(6, ChainedHistory.bytes(credit));
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.CHAIN_BROKEN)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).containsExactly(h.events.get(6).id()));
        assertThat(of(result, Violation.Kind.TAMPERED_EVENT)).isEmpty();
    }

    @Test
    void I2_I3_I4_overdraft_double_hold_end_and_over_capture_are_named() {
        ChainedHistory h = ChainedHistory.clean();
        h.add(new io.walletledger.account.FundsWithdrawn(AccountId.of(h.bob), "wd-1", eur(9_999),
                io.walletledger.account.PaymentMethod.CARD,
                io.walletledger.account.PaymentMethod.CARD.fundingAccount(io.walletledger.money.CurrencyCode.of("EUR")),
                null, h.tick()));
        h.add(new io.walletledger.account.HoldReleased(AccountId.of(h.alice), h.payment, eur(3_000),
                io.walletledger.account.HoldEnd.EXPIRED, h.tick()));
        h.add(new io.walletledger.payment.PaymentCaptured(io.walletledger.payment.PaymentId.of(h.payment),
                AccountId.of(h.shop), io.walletledger.payment.FundingSource.WALLET, AccountId.of(h.alice), eur(900),
                eur(0), h.tick()));
        AuditResult result = audit(h.records());
        assertThat(of(result, Violation.Kind.OVERDRAFT)).singleElement()
                .satisfies(v -> assertThat(v.aggregateId()).isEqualTo(h.bob));
        assertThat(of(result, Violation.Kind.HOLD))
                .anySatisfy(v -> assertThat(v.detail()).contains("hold " + h.payment + " ended but not open"));
        assertThat(of(result, Violation.Kind.PAYMENT_BOUNDS)).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("captured 3400 above authorized 3000"));
    }

    @Test
    void as_of_leaves_out_later_events() {
        ChainedHistory h = ChainedHistory.clean();
        Auditor auditor = new Auditor(h.events.get(4).time(), null);
        h.records().forEach(r -> auditor.accept(r, "x"));
        AuditResult result = auditor.finish(1);
        assertThat(result.passed()).isTrue();
        assertThat(result.accounts().get(h.alice).balance).isEqualTo(10_000);
        assertThat(result.accounts().get(h.bob).balance).isEqualTo(500);
        assertThat(result.eventsAfterAsOf()).isEqualTo(h.events.size() - 5);
    }

    @Test
    void I8_a_resend_with_altered_content_is_no_redelivery() {
        ChainedHistory h = ChainedHistory.clean();
        List<byte[]> records = new ArrayList<>(h.records());
        ObjectNode altered = ChainedHistory.tree(records.get(3));
        ((ObjectNode) altered.at("/data/amount")).put("amount", 10_001);
        records.add(ChainedHistory.bytes(altered)); // same id, sequence and claimed chainhash, other content
        AuditResult result = audit(records);
        assertThat(of(result, Violation.Kind.DUPLICATE_EVENT)).singleElement()
                .satisfies(v -> assertThat(v.eventIds()).containsExactly(h.events.get(3).id()));
        assertThat(result.redeliveries()).isZero();
    }

    @Test
    void I9_amounts_that_overflow_a_total_are_named_not_a_crash() {
        ChainedHistory h = ChainedHistory.clean();
        h.add(new io.walletledger.account.FundsDeposited(AccountId.of(h.bob), "dep-huge", eur(Long.MAX_VALUE - 10),
                io.walletledger.account.PaymentMethod.CARD,
                io.walletledger.account.PaymentMethod.CARD.fundingAccount(io.walletledger.money.CurrencyCode.of("EUR")),
                null, h.tick()));
        AuditResult result = audit(h.records());
        assertThat(of(result, Violation.Kind.AMOUNT_LIMIT)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.eventIds()).containsExactly(h.events.get(h.events.size() - 1).id()));
    }

    @Test
    void an_unreadable_record_is_named() {
        AuditResult result = audit(List.of("not json".getBytes()));
        assertThat(of(result, Violation.Kind.UNREADABLE_RECORD)).singleElement()
                .satisfies(v -> assertThat(v.aggregateId()).isEqualTo("test@0"));
    }
}
