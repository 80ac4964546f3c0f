package io.walletledger.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.envelope.LedgerJson;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.payment.Payment;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot restores every field of an aggregate's state, so loading from it equals replaying events. */
class AccountSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final ObjectMapper snapshots = LedgerJson.newSnapshotMapper();

    @Test
    void an_account_survives_a_snapshot_round_trip_with_its_holds_transfers_and_limits() throws Exception {
        AccountId alice = AccountId.of("alice");
        AccountId shop = AccountId.of("shop");
        Account account = new Account();
        account.on(new AccountOpened(alice, "alice", AccountType.CUSTOMER, CurrencyCode.of("BHD"), 2, T0));
        account.on(new FundsDeposited(alice, "d", Money.of(100_000, "BHD"), PaymentMethod.CARD,
                AccountId.of("sys-funding-card-bhd"), null, T0));
        account.on(new FundsHeld(alice, "pay-1", Money.of(3_000, "BHD"), shop, T0));
        account.on(new TransferDebited(alice, "trf-1", Money.of(500, "BHD"), shop, null, T0));
        account.on(new FundsWithdrawn(alice, "w", Money.of(700, "BHD"), PaymentMethod.CASH,
                AccountId.of("sys-funding-cash-bhd"), null, T0));
        account.on(new SecondFactorEnrolled(alice, T0));
        account.on(new AccountFrozen(alice, "review", T0));

        String json = snapshots.writeValueAsString(account);
        Account restored = snapshots.readValue(json, Account.class);

        assertThat(snapshots.writeValueAsString(restored)).isEqualTo(json);
        assertThat(json).contains("\"pay-1\"", "\"trf-1\"", "\"balanceMinor\":98800", "\"heldMinor\":3000",
                "\"outgoingTodayMinor\":4200", "\"secondFactorEnrolled\":true", "\"status\":\"FROZEN\"", "BHD");
    }

    @Test
    void a_payment_survives_a_snapshot_round_trip() throws Exception {
        Payment payment = snapshots.readValue("{}", Payment.class);
        assertThat(snapshots.writeValueAsString(payment)).contains("\"capturedMinor\":0");
    }
}
