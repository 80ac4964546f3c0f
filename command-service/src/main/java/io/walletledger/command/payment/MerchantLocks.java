package io.walletledger.command.payment;

import io.micronaut.context.annotation.Value;
import io.walletledger.account.CreditForPayment;
import io.walletledger.account.DebitForRefund;
import io.walletledger.command.config.JdbcTransactionManager;
import io.walletledger.command.config.TransactionScopedLocks;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/**
 * Serializes the two writers that used to race on a merchant's stream: the merchant-settlement
 * processor ({@link CreditForPayment}, up to 256 credits in one transaction) and refunds
 * ({@link DebitForRefund}). Each takes the merchant's lock before the merchant is loaded and keeps it
 * until its outermost database transaction has ended, so the second one loads the merchant after the
 * first committed and appends the next sequence number instead of losing the optimistic race, which
 * rolled back the whole settlement batch and left its global indexes as gaps (ADR 0021).
 * <p>
 * A refund holds one merchant; the settlement, one thread, may hold several. Waits end after
 * {@code ledger.merchant-lock.timeout-ms} as a lost race, retried like any other.
 */
@Singleton
public class MerchantLocks implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final TransactionScopedLocks locks;

    public MerchantLocks(JdbcTransactionManager transactions,
                         @Value("${ledger.merchant-lock.timeout-ms:5000}") long timeoutMs) {
        this.locks = new TransactionScopedLocks(transactions, timeoutMs);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        switch (unitOfWork.getMessage().getPayload()) {
            case CreditForPayment credit -> locks.lockUntilTransactionEnds(List.of(credit.accountId().value()));
            case DebitForRefund debit -> locks.lockUntilTransactionEnds(List.of(debit.accountId().value()));
            default -> {
            }
        }
        return chain.proceed();
    }
}
