package io.walletledger.projection.accountview;

import io.walletledger.account.AccountClosed;
import io.walletledger.account.AccountEvent;
import io.walletledger.account.AccountFrozen;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountStatus;
import io.walletledger.account.AccountType;
import io.walletledger.account.AccountUnfrozen;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.projection.Projector;
import io.walletledger.projection.changefeed.ViewChanges;
import io.walletledger.projection.statement.StatementLines;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps {@code account_view} and the statement lines ({@code account_posting}) current. Each
 * {@link Posting} of an event moves the balance or held amount of one account and appends one line
 * with the balance after it. Events reach this projector once each (the consumer's version guard);
 * SYSTEM accounts have no stream of their own: their row appears with their first posting.
 */
@Singleton
public class AccountViewProjector implements Projector {

    public static final String VIEW = "account-view";
    public static final String GROUP = "projection-service.account-view";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        if (!(event.data() instanceof AccountEvent accountEvent)) {
            return;
        }
        if (accountEvent instanceof AccountOpened opened) {
            insert(tx, opened.accountId(), opened.ownerId(), opened.type(), opened.currency().code(),
                    opened.kycTier(), event.sequence(), opened.occurredAt());
        } else {
            AccountStatus status = switch (accountEvent) {
                case AccountFrozen e -> AccountStatus.FROZEN;
                case AccountUnfrozen e -> AccountStatus.ACTIVE;
                case AccountClosed e -> AccountStatus.CLOSED;
                default -> null;
            };
            touch(tx, accountEvent.accountId(), status, event.sequence(), accountEvent.occurredAt());
        }
        Set<AccountId> changed = new LinkedHashSet<>();
        changed.add(accountEvent.accountId());
        for (Posting posting : Postings.of(accountEvent)) {
            post(tx, event.id(), posting, posting.accountId().equals(accountEvent.accountId()));
            changed.add(posting.accountId());
        }
        for (AccountId account : changed) {
            ViewChanges.mark(tx, VIEW, account.value());
        }
    }

    private static void insert(Connection tx, AccountId id, String owner, AccountType type, String currency,
                               Integer kycTier, long version, Instant at) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO account_view (account_id, owner_id, type, currency, balance, held, status, kyc_tier,
                                          version, opened_at, updated_at, line_count)
                VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 0)""")) {
            insert.setString(1, id.value());
            insert.setString(2, owner);
            insert.setString(3, type.name());
            insert.setString(4, currency);
            insert.setString(5, AccountStatus.ACTIVE.name());
            insert.setObject(6, kycTier);
            insert.setLong(7, version);
            insert.setTimestamp(8, Timestamp.from(at));
            insert.setTimestamp(9, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Records that the account's own stream advanced (and its new status, if the event changed it). */
    private static void touch(Connection tx, AccountId account, AccountStatus status, long sequence, Instant at)
            throws SQLException {
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET status = COALESCE(?, status), version = ?, updated_at = ? WHERE account_id = ?")) {
            update.setString(1, status == null ? null : status.name());
            update.setLong(2, sequence);
            update.setTimestamp(3, Timestamp.from(at));
            update.setString(4, account.value());
            if (update.executeUpdate() != 1) {
                throw new SQLException("account " + account + " has no view yet; its opening event is missing");
            }
        }
    }

    private static void post(Connection tx, String eventId, Posting posting, boolean ownStream) throws SQLException {
        Balances before = balances(tx, posting, ownStream);
        long balance = Math.addExact(before.balance(), posting.amount().minorUnits());
        long held = Math.addExact(before.held(), posting.heldChange());
        long lineNo = before.lines() + 1;
        try (PreparedStatement update = tx.prepareStatement(
                "UPDATE account_view SET balance = ?, held = ?, line_count = ?, updated_at = ? WHERE account_id = ?")) {
            update.setLong(1, balance);
            update.setLong(2, held);
            update.setLong(3, lineNo);
            update.setTimestamp(4, Timestamp.from(posting.occurredAt()));
            update.setString(5, posting.accountId().value());
            update.executeUpdate();
        }
        StatementLines.append(tx, eventId, posting, lineNo, balance, held);
    }

    private record Balances(long balance, long held, long lines) {
    }

    private static Balances balances(Connection tx, Posting posting, boolean ownStream) throws SQLException {
        try (PreparedStatement select = tx.prepareStatement(
                // locked: a SYSTEM or MERCHANT account gets postings from events of many partitions, which
                // other instances of the group apply at the same time (a read without the lock would lose
                // one of two concurrent updates, or collide on the statement line number)
                "SELECT balance, held, line_count FROM account_view WHERE account_id = ? FOR UPDATE")) {
            select.setString(1, posting.accountId().value());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new Balances(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        }
        if (ownStream) {
            throw new SQLException("account " + posting.accountId() + " has no view yet; its opening event is missing");
        }
        insert(tx, posting.accountId(), "ledger", AccountType.SYSTEM, posting.amount().currency().code(), null, -1,
                posting.occurredAt());
        return new Balances(0, 0, 0);
    }
}
