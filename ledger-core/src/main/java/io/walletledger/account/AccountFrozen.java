package io.walletledger.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AccountFrozen(AccountId accountId, String reason, Instant occurredAt) implements AccountEvent {
}
