package io.walletledger.projection.statement;

import java.util.List;

/** Lines newest first; {@code nextCursor} (null on the last page) continues below the last line shown. */
public record StatementPage(String accountId, String currency, List<StatementLine> lines, String nextCursor) {
}
