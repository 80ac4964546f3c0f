package io.walletledger.account;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record FeeScheduleSet(AccountId accountId, FeeSchedule schedule, Instant occurredAt) implements AccountEvent {
}
