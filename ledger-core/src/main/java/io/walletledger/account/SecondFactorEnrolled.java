package io.walletledger.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** From now on every authorization by this account needs a valid second-factor code. No secret here. */
@Revision("1")
public record SecondFactorEnrolled(AccountId accountId, Instant occurredAt) implements AccountEvent {
}
