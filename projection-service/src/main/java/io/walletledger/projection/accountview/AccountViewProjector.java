package io.walletledger.projection.accountview;

import io.walletledger.envelope.CloudEvent;
import io.walletledger.projection.Projector;
import io.walletledger.servicekit.kafka.EventApplier;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;

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

    /** A fresh applier for one consumer: it keeps a batch's rows in memory (see {@link AccountViewBatch}). */
    @Override
    public EventApplier applier() {
        return new AccountViewBatch();
    }

    /** Applies one event on its own, as a batch of one. */
    @Override
    public void apply(Connection tx, CloudEvent event) throws SQLException {
        AccountViewBatch batch = new AccountViewBatch();
        batch.apply(tx, event);
        batch.afterBatch(tx);
    }
}
