package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountType;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldEnd;
import io.walletledger.account.HoldReleased;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.projection.History;
import io.walletledger.projection.ProjectorDatabase;
import io.walletledger.projection.statement.StatementLine;
import io.walletledger.projection.statement.StatementRepository;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.walletledger.projection.History.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** The account view and statement per event type, on the service's schema (H2, no Kafka). */
class AccountViewProjectorTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    private final ProjectorDatabase db = new ProjectorDatabase();
    private final AccountViewProjector projector = new AccountViewProjector();
    private final AccountViewRepository views = new AccountViewRepository(db.dataSource());
    private final StatementRepository statements = new StatementRepository(db.dataSource());

    private AccountView view(String id) {
        return views.find(id).orElseThrow();
    }

    @Test
    void opening_creates_an_empty_active_view() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T);
        db.apply(projector, h.events());
        AccountView a = view("a");
        assertThat(a.balance().amount()).isZero();
        assertThat(a.status()).isEqualTo("ACTIVE");
        assertThat(a.version()).isZero();
        assertThat(a.openedAt()).isEqualTo(T);
    }

    @Test
    void I1_deposits_and_withdrawals_write_lines_whose_sum_is_the_balance() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).deposit("a", 1000, T.plusSeconds(1))
                .deposit("a", 250, T.plusSeconds(2));
        db.apply(projector, h.events());
        List<StatementLine> lines = statements.lines("a", Long.MAX_VALUE, 10);
        assertThat(lines).extracting(l -> l.amount().amount()).containsExactly(250L, 1000L);
        assertThat(lines.get(0).balanceAfter().amount()).isEqualTo(1250);
        assertThat(lines.stream().mapToLong(l -> l.amount().amount()).sum()).isEqualTo(view("a").balance().amount());
        assertThat(view("sys-funding-bank-transfer-eur").balance().amount()).isLessThanOrEqualTo(-1250);
    }

    @Test
    void I3_a_hold_reduces_available_and_its_capture_moves_the_balance() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).deposit("a", 1000, T);
        h.add(new FundsHeld(AccountId.of("a"), "p1", eur(400), AccountId.of("shop"), T.plusSeconds(5)));
        db.apply(projector, h.events());
        assertThat(view("a").available().amount()).isEqualTo(600);
        assertThat(view("a").held().amount()).isEqualTo(400);

        int mark = h.size();
        h.add(new HoldCaptured(AccountId.of("a"), "p1", eur(300), eur(100), AccountId.of("shop"), T.plusSeconds(9)));
        db.apply(projector, h.since(mark));
        assertThat(view("a").balance().amount()).isEqualTo(700);
        assertThat(view("a").held().amount()).isZero();
        assertThat(statements.balanceAt("a", T.plusSeconds(6)).orElseThrow().held().amount()).isEqualTo(400);
    }

    @Test
    void a_released_hold_frees_the_money_without_a_statement_line() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).deposit("a", 1000, T);
        h.add(new FundsHeld(AccountId.of("a"), "p1", eur(400), AccountId.of("shop"), T));
        h.add(new HoldReleased(AccountId.of("a"), "p1", eur(400), HoldEnd.values()[0], T));
        db.apply(projector, h.events());
        assertThat(view("a").available().amount()).isEqualTo(1000);
        assertThat(statements.lines("a", Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void transfers_show_on_both_accounts_with_counterparty_and_transfer_id() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).open("b", AccountType.CUSTOMER, T)
                .deposit("a", 1000, T).transfer("t1", "a", "b", 300, T.plusSeconds(1));
        db.apply(projector, h.events());
        assertThat(view("a").balance().amount()).isEqualTo(700);
        assertThat(view("b").balance().amount()).isEqualTo(300);
        StatementLine in = statements.lines("b", Long.MAX_VALUE, 1).get(0);
        assertThat(in.type()).isEqualTo("TRANSFER_IN");
        assertThat(in.counterpartyId()).isEqualTo("a");
        assertThat(in.transferId()).isEqualTo("t1");
    }

    @Test
    void I1_a_payment_posts_gross_and_fee_to_the_merchant_and_the_fee_to_the_fee_account() throws Exception {
        History h = new History().open("shop", AccountType.MERCHANT, T).open("a", AccountType.CUSTOMER, T)
                .deposit("a", 5000, T).walletPayment("p1", "shop", "a", 2000, 60, T.plusSeconds(1))
                .walletRefund("p1", "shop", "a", 500, 500, false, T.plusSeconds(2));
        db.apply(projector, h.events());
        assertThat(view("shop").balance().amount()).isEqualTo(2000 - 60 - 500);
        assertThat(view("a").balance().amount()).isEqualTo(5000 - 2000 + 500);
        assertThat(statements.lines("shop", Long.MAX_VALUE, 10)).extracting(StatementLine::type)
                .containsExactly("REFUND", "FEE", "PAYMENT");
        assertThat(view(History.FEES_EUR.value()).balance().amount()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void status_events_change_the_status_and_the_version() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T);
        h.add(new AccountFrozen(AccountId.of("a"), "review", T));
        db.apply(projector, h.events());
        assertThat(view("a").status()).isEqualTo("FROZEN");
        int mark = h.size();
        h.add(new AccountUnfrozen(AccountId.of("a"), T));
        h.add(new AccountClosed(AccountId.of("a"), T));
        db.apply(projector, h.since(mark));
        assertThat(view("a").status()).isEqualTo("CLOSED");
        assertThat(view("a").version()).isEqualTo(3);
    }

    @Test
    void I7_a_redelivered_event_is_applied_once() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).deposit("a", 100, T);
        CloudEvent deposit = h.events().get(1);
        db.apply(projector, h.events());
        db.apply(projector, deposit, deposit);
        assertThat(view("a").balance().amount()).isEqualTo(100);
        assertThat(statements.lines("a", Long.MAX_VALUE, 10)).hasSize(1);
    }

    @Test
    void the_balance_at_an_instant_is_the_balance_after_the_last_line_before_it() throws Exception {
        History h = new History().open("a", AccountType.CUSTOMER, T).deposit("a", 100, T.plusSeconds(10))
                .deposit("a", 50, T.plusSeconds(20));
        db.apply(projector, h.events());
        assertThat(statements.balanceAt("a", T.plusSeconds(5))).isEmpty();
        assertThat(statements.balanceAt("a", T.plusSeconds(10)).orElseThrow().balance().amount()).isEqualTo(100);
        assertThat(statements.balanceAt("a", T.plusSeconds(19)).orElseThrow().balance().amount()).isEqualTo(100);
        assertThat(statements.balanceAt("a", T.plusSeconds(21)).orElseThrow().balance().amount()).isEqualTo(150);
    }
}
