package io.walletledger.notification.merchant;

import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.payment.PaymentEvent;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The MERCHANT accounts this service has seen opened, and which merchant an event belongs to: a payment
 * event to the merchant it names, any other event to its account when that account is a merchant.
 */
@Singleton
public class Merchants {

    private final DataSource dataSource;

    public Merchants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean exists(String merchantAccountId) {
        try (Connection connection = dataSource.getConnection()) {
            return isMerchant(connection, merchantAccountId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read merchants", e);
        }
    }

    /** Records a merchant's opening; call in the consumer's transaction for every event. */
    public static void observe(Connection tx, CloudEvent event) throws SQLException {
        if (event.data() instanceof AccountOpened opened && opened.type() == AccountType.MERCHANT
                && !isMerchant(tx, opened.accountId().value())) {
            try (PreparedStatement insert = tx.prepareStatement(
                    "INSERT INTO merchant_account (account_id, currency, opened_at) VALUES (?, ?, ?)")) {
                insert.setString(1, opened.accountId().value());
                insert.setString(2, opened.currency().code());
                insert.setTimestamp(3, Timestamp.from(opened.occurredAt()));
                insert.executeUpdate();
            }
        }
    }

    /** The merchant an event belongs to, if any. */
    public static Optional<String> ownerOf(Connection tx, CloudEvent event) throws SQLException {
        if (event.data() instanceof PaymentEvent payment) {
            return Optional.of(payment.merchantAccountId().value());
        }
        String account = event.data().aggregateId();
        return isMerchant(tx, account) ? Optional.of(account) : Optional.empty();
    }

    private static boolean isMerchant(Connection connection, String accountId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM merchant_account WHERE account_id = ?")) {
            query.setString(1, accountId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }
}
