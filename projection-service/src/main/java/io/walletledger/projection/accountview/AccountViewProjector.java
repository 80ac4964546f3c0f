package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.account.FundsWithdrawn;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitReversed;
import io.walletledger.account.TransferDebited;
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
        switch (event) {
            case AccountOpened opened -> insertOpened(tx, opened, envelope.sequence());
            case FundsDeposited deposited -> {
                post(tx, deposited.accountId(), deposited.amount(), envelope.sequence(), deposited.occurredAt());
                postToSystemAccount(tx, deposited.fundingAccountId(), deposited.amount().negate(), deposited.occurredAt());
            }
            case FundsWithdrawn withdrawn -> {
                post(tx, withdrawn.accountId(), withdrawn.amount().negate(), envelope.sequence(), withdrawn.occurredAt());
                postToSystemAccount(tx, withdrawn.fundingAccountId(), withdrawn.amount(), withdrawn.occurredAt());
            }
            case TransferDebited debited -> post(tx, debited.accountId(), debited.amount().negate(), envelope.sequence(),
                    debited.occurredAt());
            case TransferCredited credited -> post(tx, credited.accountId(), credited.amount(), envelope.sequence(),
                    credited.occurredAt());
            case TransferDebitReversed reversed -> post(tx, reversed.accountId(), reversed.amount(), envelope.sequence(),
                    reversed.occurredAt());
            case AccountFrozen frozen -> status(tx, frozen.accountId(), AccountStatus.FROZEN, envelope.sequence(),
                    frozen.occurredAt());
            case AccountUnfrozen unfrozen -> status(tx, unfrozen.accountId(), AccountStatus.ACTIVE, envelope.sequence(),
                    unfrozen.occurredAt());
            case AccountClosed closed -> status(tx, closed.accountId(), AccountStatus.CLOSED, envelope.sequence(),
                    closed.occurredAt());
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

    private static void post(Connection tx, AccountId account, Money amount, long sequence, Instant at)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET balance = balance + ?, version = ?, updated_at = ? WHERE account_id = ?")) {
            update.setLong(1, amount.minorUnits());
            update.setLong(2, sequence);
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, account.value());
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
