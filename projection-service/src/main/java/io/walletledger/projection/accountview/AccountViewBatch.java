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
import io.walletledger.projection.changefeed.ViewChanges;
import io.walletledger.projection.statement.StatementLines;
import io.walletledger.servicekit.database.KeysQuery;
import io.walletledger.servicekit.kafka.EventApplier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account view's work for one consumer batch (one transaction): each account row the batch touches
 * is read once, locked ({@code FOR UPDATE}), kept in memory while the batch's postings move it, and
 * written back after the batch's last event, together with the statement lines and the change marks,
 * as JDBC batches. The rows are the same as posting event by event would leave them, with far fewer
 * round trips: a deposit used to cost about ten statements, now a share of one read and three batches.
 * The rows are read in {@link #prepare}, a few queries per batch (every caller prepares a batch before
 * applying it). One instance per consumer (its state is the batch in progress; {@link #beforeBatch}
 * clears it).
 */
final class AccountViewBatch implements EventApplier {

    /** One account row as the batch leaves it. */
    private static final class Row {
        final String accountId;
        final boolean inserted;
        String ownerId;
        AccountType type;
        String currency;
        Integer kycTier;
        Instant openedAt;
        long balance;
        long held;
        long lines;
        String status;
        long version;
        Instant updatedAt;
        boolean changed;

        Row(String accountId, boolean inserted) {
            this.accountId = accountId;
            this.inserted = inserted;
        }
    }

    /** The batch's account rows: every one that exists was read in {@link #prepare}. */
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<StatementLines.Line> lines = new ArrayList<>();
    private final Set<String> marked = new LinkedHashSet<>();

    @Override
    public void beforeBatch(Connection tx) {
        rows.clear();
        lines.clear();
        marked.clear();
    }

    /**
     * Reads and locks every account row the batch will move, in a few queries and in the order of their
     * ids: two instances of the group that share accounts (the SYSTEM ones) take their locks in one order.
     */
    @Override
    public void prepare(Connection tx, List<CloudEvent> events) throws SQLException {
        Set<String> accounts = new TreeSet<>();
        for (CloudEvent event : events) {
            if (event.data() instanceof AccountEvent accountEvent) {
                accounts.add(accountEvent.accountId().value());
                for (Posting posting : Postings.of(accountEvent)) {
                    accounts.add(posting.accountId().value());
                }
            }
        }
        KeysQuery.run(tx, "SELECT account_id, balance, held, line_count, status, version FROM account_view "
                + "WHERE account_id", " ORDER BY account_id FOR UPDATE", List.of(), new ArrayList<>(accounts), rs -> {
                    Row row = row(rs);
                    rows.put(row.accountId, row);
                });
    }

    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        if (!(event.data() instanceof AccountEvent accountEvent)) {
            return;
        }
        String own = accountEvent.accountId().value();
        if (accountEvent instanceof AccountOpened opened) {
            open(opened, event.sequence());
        } else {
            Row row = existing(own);
            if (row == null) {
                throw new SQLException("account " + own + " has no view yet; its opening event is missing");
            }
            AccountStatus status = switch (accountEvent) {
                case AccountFrozen e -> AccountStatus.FROZEN;
                case AccountUnfrozen e -> AccountStatus.ACTIVE;
                case AccountClosed e -> AccountStatus.CLOSED;
                default -> null;
            };
            if (status != null) {
                row.status = status.name();
            }
            row.version = event.sequence();
            row.updatedAt = accountEvent.occurredAt();
            row.changed = true;
        }
        marked.add(own);
        for (Posting posting : Postings.of(accountEvent)) {
            post(tx, event.id(), posting, posting.accountId().value().equals(own));
            marked.add(posting.accountId().value());
        }
    }

    private void open(AccountOpened opened, long version) throws SQLException {
        String id = opened.accountId().value();
        if (rows.containsKey(id)) {
            throw new SQLException("account " + id + " is opened twice: it has a view already");
        }
        // a view already in the table makes the batch's insert fail on its key, as a second opening must
        Row row = new Row(id, true);
        row.ownerId = opened.ownerId();
        row.type = opened.type();
        row.currency = opened.currency().code();
        row.kycTier = opened.kycTier();
        row.openedAt = opened.occurredAt();
        row.status = AccountStatus.ACTIVE.name();
        row.version = version;
        row.updatedAt = opened.occurredAt();
        rows.put(id, row);
    }

    private void post(Connection tx, String eventId, Posting posting, boolean ownStream) throws SQLException {
        String id = posting.accountId().value();
        Row row = existing(id);
        if (row == null) {
            if (ownStream) {
                throw new SQLException("account " + id + " has no view yet; its opening event is missing");
            }
            // a SYSTEM account has no stream of its own: its row appears with its first posting
            row = new Row(id, true);
            row.ownerId = "ledger";
            row.type = AccountType.SYSTEM;
            row.currency = posting.amount().currency().code();
            row.openedAt = posting.occurredAt();
            row.status = AccountStatus.ACTIVE.name();
            row.version = -1;
            rows.put(id, row);
        }
        row.balance = Math.addExact(row.balance, posting.amount().minorUnits());
        row.held = Math.addExact(row.held, posting.heldChange());
        row.lines++;
        row.updatedAt = posting.occurredAt();
        row.changed = true;
        lines.add(new StatementLines.Line(eventId, posting, row.lines, row.balance, row.held));
    }

    /** The row as this batch has it; null if the account has no view (yet). */
    private Row existing(String accountId) {
        return rows.get(accountId);
    }

    private static Row row(ResultSet rs) throws SQLException {
        Row row = new Row(rs.getString(1), false);
        row.balance = rs.getLong(2);
        row.held = rs.getLong(3);
        row.lines = rs.getLong(4);
        row.status = rs.getString(5);
        row.version = rs.getLong(6);
        return row;
    }

    @Override
    public void afterBatch(Connection tx) throws SQLException {
        insertNew(tx);
        updateChanged(tx);
        StatementLines.appendAll(tx, lines);
        ViewChanges.markAll(tx, AccountViewProjector.VIEW, marked);
        beforeBatch(tx);
    }

    private void insertNew(Connection tx) throws SQLException {
        try (PreparedStatement insert = tx.prepareStatement("""
                INSERT INTO account_view (account_id, owner_id, type, currency, balance, held, status, kyc_tier,
                                          version, opened_at, updated_at, line_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (Row row : rows.values()) {
                if (!row.inserted) {
                    continue;
                }
                insert.setString(1, row.accountId);
                insert.setString(2, row.ownerId);
                insert.setString(3, row.type.name());
                insert.setString(4, row.currency);
                insert.setLong(5, row.balance);
                insert.setLong(6, row.held);
                insert.setString(7, row.status);
                insert.setObject(8, row.kycTier);
                insert.setLong(9, row.version);
                insert.setTimestamp(10, Timestamp.from(row.openedAt));
                insert.setTimestamp(11, Timestamp.from(row.updatedAt));
                insert.setLong(12, row.lines);
                insert.addBatch();
                pending++;
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private void updateChanged(Connection tx) throws SQLException {
        try (PreparedStatement update = tx.prepareStatement("""
                UPDATE account_view SET balance = ?, held = ?, line_count = ?, status = ?, version = ?, updated_at = ?
                WHERE account_id = ?""")) {
            int pending = 0;
            for (Row row : rows.values()) {
                if (row.inserted || !row.changed) {
                    continue;
                }
                update.setLong(1, row.balance);
                update.setLong(2, row.held);
                update.setLong(3, row.lines);
                update.setString(4, row.status);
                update.setLong(5, row.version);
                update.setTimestamp(6, Timestamp.from(row.updatedAt));
                update.setString(7, row.accountId);
                update.addBatch();
                pending++;
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
