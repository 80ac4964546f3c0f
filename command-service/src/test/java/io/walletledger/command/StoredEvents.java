package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.testkit.PostgresDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Reads an account's stream straight from the event store, the source of truth. */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Stored(String type, JsonNode payload) {
    }

    private StoredEvents() {
    }

    static List<Stored> of(PostgresDatabase database, String aggregateId) throws Exception {
        List<Stored> events = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new Stored(rs.getString(1), JSON.readTree(rs.getBytes(2))));
                }
            }
        }
        return events;
    }

    /** What the account's stream holds right now: held − captured − released. */
    static long held(PostgresDatabase database, String accountId) throws Exception {
        long held = 0;
        for (Stored e : of(database, accountId)) {
            switch (e.type()) {
                case "account.funds_held" -> held += e.payload().at("/amount/amount").asLong();
                case "account.hold_captured" -> held -= e.payload().at("/captured/amount").asLong()
                        + e.payload().at("/released/amount").asLong();
                case "account.hold_released" -> held -= e.payload().at("/amount/amount").asLong();
                default -> { }
            }
        }
        return held;
    }

    static List<String> types(PostgresDatabase database, String aggregateId) throws Exception {
        return of(database, aggregateId).stream().map(Stored::type).toList();
    }

    /** The account's balance by its own postings (I1 bookkeeping, independent of the aggregate's code). */
    static long balance(PostgresDatabase database, String accountId) throws Exception {
        long balance = 0;
        for (Stored e : of(database, accountId)) {
            long amount = e.payload().at("/amount/amount").asLong();
            switch (e.type()) {
                case "account.funds_deposited", "transfer.completed", "transfer.reversed", "account.refund_credited"
                        -> balance += amount;
                case "account.funds_withdrawn", "transfer.debited", "account.refund_debited" -> balance -= amount;
                case "account.hold_captured" -> balance -= e.payload().at("/captured/amount").asLong();
                case "account.payment_credited" -> balance += e.payload().at("/net/amount").asLong();
                default -> { }
            }
        }
        return balance;
    }
}
