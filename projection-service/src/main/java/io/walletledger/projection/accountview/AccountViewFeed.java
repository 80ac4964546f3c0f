package io.walletledger.projection.accountview;

import io.walletledger.envelope.Topics;
import io.walletledger.projection.changefeed.ChangeFeed;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Account views on {@code ledger.account-views.v1}, keyed by account id, the same JSON as the HTTP view. */
@Singleton
class AccountViewFeed implements ChangeFeed {

    private final AccountViewRepository repository;

    AccountViewFeed(AccountViewRepository repository) {
        this.repository = repository;
    }

    @Override
    public String view() {
        return AccountViewProjector.VIEW;
    }

    @Override
    public String topic() {
        return Topics.ACCOUNT_VIEWS;
    }

    @Override
    public Optional<Object> current(String key) {
        return repository.find(key).map(view -> view);
    }
}
