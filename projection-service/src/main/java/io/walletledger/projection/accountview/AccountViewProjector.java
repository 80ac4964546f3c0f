package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.FeeScheduleSet;
import io.walletledger.account.FundsHeld;
import io.walletledger.account.HoldCaptured;
import io.walletledger.account.HoldReleased;
import io.walletledger.account.PaymentCredited;
import io.walletledger.account.RefundCredited;
import io.walletledger.account.RefundDebited;
import io.walletledger.account.SecondFactorEnrolled;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountStatus;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.money.Money;
import io.walletledger.projection.Projector;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Keeps {@code account_view} current. An event of an account's own stream is applied only if its
 * sequence is newer than the row's version, so a redelivered event never counts twice; both
 * postings of a movement are applied with it (I1: the funding account mirrors the deposit).
 */
@Singleton
public class AccountViewProjector implements Projector {

    @Override
    public String consumerGroup() {
        return "projection-service.account-view";
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        if (event.data() instanceof AccountEvent accountEvent) {
            apply(tx, event, accountEvent);
        }
    }

    private void apply(Connection tx, CloudEvent envelope, AccountEvent event) throws SQLException {
        OptionalLong version = version(tx, event.accountId());
        if (version.isPresent() && version.getAsLong() >= envelope.sequence()) {
            return;
        }
        long seq = envelope.sequence();
        switch (event) {
            case AccountOpened opened -> insertOpened(tx, opened, seq);
            case FundsDeposited e -> {
                post(tx, e.accountId(), e.amount().minorUnits(), 0, seq, e.occurredAt());
                postToSystemAccount(tx, e.fundingAccountId(), e.amount().negate(), e.occurredAt());
            }
            case FundsWithdrawn e -> {
                post(tx, e.accountId(), -e.amount().minorUnits(), 0, seq, e.occurredAt());
                postToSystemAccount(tx, e.fundingAccountId(), e.amount(), e.occurredAt());
            }
            case TransferDebited e -> post(tx, e.accountId(), -e.amount().minorUnits(), 0, seq, e.occurredAt());
            case TransferCredited e -> post(tx, e.accountId(), e.amount().minorUnits(), 0, seq, e.occurredAt());
            case TransferDebitReversed e -> post(tx, e.accountId(), e.amount().minorUnits(), 0, seq, e.occurredAt());
            case FundsHeld e -> post(tx, e.accountId(), 0, e.amount().minorUnits(), seq, e.occurredAt());
            case HoldCaptured e -> post(tx, e.accountId(), -e.captured().minorUnits(),
                    -Math.addExact(e.captured().minorUnits(), e.released().minorUnits()), seq, e.occurredAt());
            case HoldReleased e -> post(tx, e.accountId(), 0, -e.amount().minorUnits(), seq, e.occurredAt());
            case PaymentCredited e -> {
                post(tx, e.accountId(), e.net().minorUnits(), 0, seq, e.occurredAt());
                if (e.fee().minorUnits() > 0) {
                    postToSystemAccount(tx, e.feeAccountId(), e.fee(), e.occurredAt());
                }
                if (e.cardFundingAccountId() != null) {
                    postToSystemAccount(tx, e.cardFundingAccountId(), e.gross().negate(), e.occurredAt());
                }
            }
            case RefundDebited e -> {
                post(tx, e.accountId(), -e.amount().minorUnits(), 0, seq, e.occurredAt());
                if (e.cardFundingAccountId() != null) {
                    postToSystemAccount(tx, e.cardFundingAccountId(), e.amount(), e.occurredAt());
                }
            }
            case RefundCredited e -> post(tx, e.accountId(), e.amount().minorUnits(), 0, seq, e.occurredAt());
            case FeeScheduleSet e -> post(tx, e.accountId(), 0, 0, seq, e.occurredAt());
            case SecondFactorEnrolled e -> post(tx, e.accountId(), 0, 0, seq, e.occurredAt());
            case TransferDebitConfirmed e -> post(tx, e.accountId(), 0, 0, seq, e.occurredAt());
            case AccountFrozen e -> status(tx, e.accountId(), AccountStatus.FROZEN, seq, e.occurredAt());
            case AccountUnfrozen e -> status(tx, e.accountId(), AccountStatus.ACTIVE, seq, e.occurredAt());
            case AccountClosed e -> status(tx, e.accountId(), AccountStatus.CLOSED, seq, e.occurredAt());
        }
    }

    private static OptionalLong version(Connection tx, AccountId id) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement("SELECT version FROM account_view WHERE account_id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static void insertOpened(Connection tx, AccountOpened opened, long sequence) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO account_view (account_id, owner_id, type, currency, balance, held, status, kyc_tier,
                                          version, opened_at, updated_at)
                VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, opened.accountId().value());
            insert.setString(2, opened.ownerId());
            insert.setString(3, opened.type().name());
            insert.setString(4, opened.currency().code());
            insert.setString(5, AccountStatus.ACTIVE.name());
            insert.setInt(6, opened.kycTier());
            insert.setLong(7, sequence);
            insert.setTimestamp(8, Timestamp.from(opened.occurredAt()));
            insert.setTimestamp(9, Timestamp.from(opened.occurredAt()));
            insert.executeUpdate();
        }
    }

    private static void post(Connection tx, AccountId account, long balanceDelta, long heldDelta, long sequence,
                             Instant at) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET balance = balance + ?, held = held + ?, version = ?, updated_at = ? "
                        + "WHERE account_id = ?")) {
            update.setLong(1, balanceDelta);
            update.setLong(2, heldDelta);
            update.setLong(3, sequence);
            update.setTimestamp(4, Timestamp.from(at));
            update.setString(5, account.value());
            if (update.executeUpdate() != 1) {
                throw new SQLException("account " + account + " has no view yet; its opening event is missing");
            }
        }
    }

    private static void status(Connection tx, AccountId account, AccountStatus status, long sequence, Instant at)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET status = ?, version = ?, updated_at = ? WHERE account_id = ?")) {
            update.setString(1, status.name());
            update.setLong(2, sequence);
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, account.value());
            if (update.executeUpdate() != 1) {
                throw new SQLException("account " + account + " has no view yet; its opening event is missing");
            }
        }
    }

    /** SYSTEM accounts have no stream of their own; their row appears with their first posting. */
    private static void postToSystemAccount(Connection tx, AccountId account, Money amount, Instant at)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET balance = balance + ?, updated_at = ? WHERE account_id = ?")) {
            update.setLong(1, amount.minorUnits());
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, account.value());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO account_view (account_id, owner_id, type, currency, balance, held, status, kyc_tier,
                                          version, opened_at, updated_at)
                VALUES (?, 'ledger', ?, ?, ?, 0, ?, NULL, -1, ?, ?)""")) {
            insert.setString(1, account.value());
            insert.setString(2, AccountType.SYSTEM.name());
            insert.setString(3, amount.currency().code());
            insert.setLong(4, amount.minorUnits());
            insert.setString(5, AccountStatus.ACTIVE.name());
            insert.setTimestamp(6, Timestamp.from(at));
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
