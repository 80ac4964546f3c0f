package io.walletledger.projection.accountview;

import io.walletledger.projection.BatchedProjector;
import io.walletledger.servicekit.kafka.EventApplier;
import jakarta.inject.Singleton;

/**
 * Keeps {@code account_view} and the statement lines ({@code account_posting}) current. Each
 * {@link Posting} of an event moves the balance or held amount of one account and appends one line
 * with the balance after it. Events reach this projector once each (the consumer's version guard);
 * SYSTEM accounts have no stream of their own: their row appears with their first posting.
 */
@Singleton
public class AccountViewProjector implements BatchedProjector {

    public static final String VIEW = "account-view";
    public static final String GROUP = "projection-service.account-view";

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    /** A fresh batch for one consumer: see {@link AccountViewBatch}. */
    @Override
    public EventApplier newBatch() {
        return new AccountViewBatch();
    }
}
