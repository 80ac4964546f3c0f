package io.walletledger.projection.statement;

import io.walletledger.projection.accountview.AccountView.Amount;

import java.time.Instant;

/** The balance as it was at an instant: after the last posting at or before it ({@code lineNo}, 0 if none). */
public record PointInTimeBalance(String accountId, Instant at, Amount balance, Amount held, Amount available,
                                 long lineNo) {
}
