package io.walletledger.account;

import io.walletledger.violation.LedgerViolation;

/** A transfer debit can be reversed once, and only while it is in flight. */
public final class TransferNotPending extends LedgerViolation {
    public TransferNotPending(AccountId accountId, String transferId) {
        super("transfer " + transferId + " is not in flight from account " + accountId);
    }
}
