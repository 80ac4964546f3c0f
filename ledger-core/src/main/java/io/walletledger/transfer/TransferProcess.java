package io.walletledger.transfer;

import io.walletledger.account.AccountIsClosed;
import io.walletledger.account.ConfirmTransferDebit;
import io.walletledger.account.CreditForTransfer;
import io.walletledger.account.ReverseTransferDebit;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferFailure;
import io.walletledger.money.CurrencyMismatch;
import io.walletledger.violation.LedgerViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.time.Clock;

/**
 * The P2P transfer process across two accounts: when a source has been debited, credit the
 * destination; if the destination refuses (closed, unknown, other currency), reverse the debit.
 * It runs in a streaming processor whose token commits in the same transaction as the commands'
 * events, so each debit is followed by exactly one credit or one reversal. Between the two, the
 * amount is in flight: visible to the auditor as a debit without its ending (I1).
 */
public class TransferProcess {

    public static final String PROCESSING_GROUP = "transfer-process";

    private final CommandGateway commands;
    private final Clock clock;

    public TransferProcess(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(TransferDebited debited) {
        try {
            commands.sendAndWait(new CreditForTransfer(debited.destinationAccountId(), debited.transferId(),
                    debited.amount(), debited.accountId(), clock.instant()));
        } catch (LedgerViolation | AggregateNotFoundException refused) {
            commands.sendAndWait(new ReverseTransferDebit(debited.accountId(), debited.transferId(),
                    debited.amount(), failureOf(refused), clock.instant()));
            return;
        }
        // outside the try: once the credit landed, nothing may reverse the debit any more
        commands.sendAndWait(new ConfirmTransferDebit(debited.accountId(), debited.transferId(), clock.instant()));
    }

    static TransferFailure failureOf(RuntimeException refused) {
        return switch (refused) {
            case AggregateNotFoundException notFound -> TransferFailure.DESTINATION_NOT_FOUND;
            case AccountIsClosed closed -> TransferFailure.DESTINATION_CLOSED;
            case CurrencyMismatch mismatch -> TransferFailure.CURRENCY_MISMATCH;
            default -> TransferFailure.CREDIT_REFUSED;
        };
    }
}
