package io.walletledger.transfer;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountIsClosed;
import io.walletledger.account.ConfirmTransferDebit;
import io.walletledger.account.CreditForTransfer;
import io.walletledger.account.ReverseTransferDebit;
import io.walletledger.account.TransferDebited;
import io.walletledger.account.TransferFailure;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.CurrencyMismatch;
import io.walletledger.money.Money;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.common.Registration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class TransferProcessTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final AccountId ALICE = AccountId.of("alice");
    private static final AccountId BOB = AccountId.of("bob");
    private static final TransferDebited DEBITED =
            new TransferDebited(ALICE, "trf-1", Money.of(300, "EUR"), BOB, "rent", T0);

    /** Records commands; the credit leg answers with the given refusal, if any. */
    private static final class ScriptedCommands implements CommandGateway {
        final List<Object> sent = new ArrayList<>();
        private final RuntimeException creditRefusal;

        ScriptedCommands(RuntimeException creditRefusal) {
            this.creditRefusal = creditRefusal;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R sendAndWait(Object command) {
            sent.add(command);
            if (command instanceof CreditForTransfer && creditRefusal != null) {
                throw creditRefusal;
            }
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }
    }

    private static ScriptedCommands run(RuntimeException creditRefusal) {
        ScriptedCommands commands = new ScriptedCommands(creditRefusal);
        new TransferProcess(commands, Clock.fixed(T0, ZoneOffset.UTC)).on(DEBITED);
        return commands;
    }

    @Test
    void I1_conservation_a_debit_is_followed_by_the_credit_of_the_same_amount() {
        assertThat(run(null).sent).containsExactly(
                new CreditForTransfer(BOB, "trf-1", Money.of(300, "EUR"), ALICE, T0),
                new ConfirmTransferDebit(ALICE, "trf-1", T0));
    }

    @Test
    void I1_conservation_a_refused_credit_is_followed_by_the_reversal_of_the_debit() {
        assertThat(run(new AccountIsClosed(BOB)).sent).containsExactly(
                new CreditForTransfer(BOB, "trf-1", Money.of(300, "EUR"), ALICE, T0),
                new ReverseTransferDebit(ALICE, "trf-1", Money.of(300, "EUR"), TransferFailure.DESTINATION_CLOSED, T0));
    }

    @Test
    void each_refusal_is_named_in_the_reversal() {
        Function<RuntimeException, TransferFailure> reason = TransferProcess::failureOf;
        assertThat(reason.apply(new AggregateNotFoundException("bob", "none"))).isEqualTo(TransferFailure.DESTINATION_NOT_FOUND);
        assertThat(reason.apply(new CurrencyMismatch(CurrencyCode.of("USD"), CurrencyCode.of("EUR"))))
                .isEqualTo(TransferFailure.CURRENCY_MISMATCH);
        assertThat(reason.apply(new AccountIsClosed(BOB))).isEqualTo(TransferFailure.DESTINATION_CLOSED);
    }
}
