package io.walletledger.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountClosed(AccountId accountId, Instant occurredAt) implements AccountEvent {
}
