package io.walletledger.command.payment;

import io.micronaut.scheduling.annotation.Scheduled;
import io.walletledger.command.config.JdbcTransactionManager;
import io.walletledger.violation.LedgerViolation;
import jakarta.inject.Singleton;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Polls {@code payment_deadline} and expires what is due: unauthorized requests, uncaptured holds.
 * Each expiry claims its row and expires the payment in one transaction, so with several instances
 * each deadline is handled once, and a crash leaves it for the next poll.
 */
@Singleton
public class DeadlineScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScheduler.class);

    private final PaymentDeadlines deadlines;
    private final PaymentService payments;
    private final JdbcTransactionManager transactions;
    private final Clock clock;

    public DeadlineScheduler(PaymentDeadlines deadlines, PaymentService payments, JdbcTransactionManager transactions,
                             Clock clock) {
        this.deadlines = deadlines;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${ledger.payments.deadline-poll:1s}",
            initialDelay = "${ledger.payments.deadline-initial-delay:5s}")
    public void expireDue() {
        for (PaymentDeadlines.Due due : deadlines.due(clock.instant(), 200)) {
            Transaction tx = transactions.startTransaction();
            try {
                if (deadlines.claim(due.payment(), due.dueAt())) {
                    payments.expire(due.payment());
                }
                tx.commit();
            } catch (LedgerViolation nothingToExpire) {
                tx.rollback();
                dropStale(due);
            } catch (ConcurrencyException retryNextPoll) {
                tx.rollback();
            } catch (RuntimeException e) {
                tx.rollback();
                LOG.warn("expiring payment {} failed, retried at the next poll: {}", due.payment(), e.toString());
            }
        }
    }

    /** The payment moved on (captured, canceled) since its deadline was set: the deadline is void. */
    private void dropStale(PaymentDeadlines.Due due) {
        Transaction tx = transactions.startTransaction();
        try {
            deadlines.claim(due.payment(), due.dueAt());
            tx.commit();
        } catch (RuntimeException e) {
            tx.rollback();
        }
    }
}
