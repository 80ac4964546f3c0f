package io.walletledger.projection.statement;

import io.walletledger.projection.accountview.AccountView.Amount;

import java.time.Instant;

/** One line of an account statement: a signed amount and the balance after it. */
public record StatementLine(long lineNo, String eventId, String type, Amount amount, Amount balanceAfter,
                            String counterpartyId, String paymentId, String transferId, String reference,
                            Instant occurredAt) {
}
