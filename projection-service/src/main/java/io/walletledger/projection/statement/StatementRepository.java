package io.walletledger.projection.statement;

import io.walletledger.projection.accountview.AccountView.Amount;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class StatementRepository {

    private final DataSource dataSource;

    public StatementRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} money lines (amount ≠ 0) below {@code beforeLine}, newest first; one more tells if a next page exists. */
    public List<StatementLine> lines(String accountId, long beforeLine, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT line_no, event_id, type, amount, balance_after, currency, counterparty_id, payment_id,
                            transfer_id, reference, occurred_at
                     FROM account_posting
                     WHERE account_id = ? AND line_no < ? AND amount <> 0
                     ORDER BY line_no DESC""")) {
            select.setString(1, accountId);
            select.setLong(2, beforeLine);
            select.setMaxRows(limit);
            List<StatementLine> lines = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String currency = rs.getString("currency");
                    lines.add(new StatementLine(rs.getLong("line_no"), rs.getString("event_id"), rs.getString("type"),
                            new Amount(rs.getLong("amount"), currency), new Amount(rs.getLong("balance_after"), currency),
                            rs.getString("counterparty_id"), rs.getString("payment_id"), rs.getString("transfer_id"),
                            rs.getString("reference"), rs.getTimestamp("occurred_at").toInstant()));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the statement of " + accountId, e);
        }
    }

    /**
     * Balance and held as the sum of every posting at or before {@code at}, or empty if there was none. A
     * sum, not the last line's balance: a SYSTEM account's lines come from many streams, in the order
     * their partitions were consumed, which need not be the order of their times.
     */
    public Optional<PointInTimeBalance> balanceAt(String accountId, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT COUNT(*), MAX(line_no), SUM(amount), SUM(held_change), MAX(currency) FROM account_posting
                     WHERE account_id = ? AND occurred_at <= ?""")) {
            select.setString(1, accountId);
            select.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    return Optional.empty();
                }
                String currency = rs.getString(5);
                long balance = rs.getLong(3);
                long held = rs.getLong(4);
                return Optional.of(new PointInTimeBalance(accountId, at, new Amount(balance, currency),
                        new Amount(held, currency), new Amount(Math.subtractExact(balance, held), currency),
                        rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the balance of " + accountId, e);
        }
    }
}
