package io.walletledger.projection.accountview;

import io.walletledger.account.AccountType;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class AccountViewRepository {

    private final DataSource dataSource;

    public AccountViewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<AccountView> find(String accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("""
                     SELECT account_id, owner_id, type, currency, balance, held, status, kyc_tier, version,
                            opened_at, updated_at
                     FROM account_view WHERE account_id = ?""")) {
            select.setString(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read account view " + accountId, e);
        }
    }

    /** The account if it is a merchant's (sales and the dashboard exist only for those). */
    public Optional<AccountView> findMerchant(String accountId) {
        return find(accountId).filter(account -> AccountType.MERCHANT.name().equals(account.type()));
    }

    private static AccountView map(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        long balance = rs.getLong("balance");
        long held = rs.getLong("held");
        int tier = rs.getInt("kyc_tier");
        Integer kycTier = rs.wasNull() ? null : tier;
        return new AccountView(rs.getString("account_id"), rs.getString("owner_id"), rs.getString("type"), currency,
                new AccountView.Amount(balance, currency), new AccountView.Amount(held, currency),
                new AccountView.Amount(Math.subtractExact(balance, held), currency), rs.getString("status"), kycTier,
                rs.getLong("version"), instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
