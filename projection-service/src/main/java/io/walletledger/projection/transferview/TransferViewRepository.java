package io.walletledger.projection.transferview;

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
public class TransferViewRepository {

    private final DataSource dataSource;

    public TransferViewRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<TransferView> find(String transferId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT * FROM transfer_view WHERE transfer_id = ?")) {
            select.setString(1, transferId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String currency = rs.getString("currency");
                return Optional.of(new TransferView(rs.getString("transfer_id"), rs.getString("source_account_id"),
                        rs.getString("destination_account_id"), new TransferView.Amount(rs.getLong("amount"), currency),
                        rs.getString("description"), rs.getString("status"), rs.getString("failure_reason"),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("finished_at"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read transfer view " + transferId, e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
