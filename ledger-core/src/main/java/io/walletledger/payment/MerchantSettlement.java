package io.walletledger.payment;

import io.walletledger.account.CreditForPayment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;

import java.time.Clock;

/**
 * Credits merchants for captured payments, off the payment's own transaction. A capture touches only
 * the payment and the payer; the merchant is credited here, in a streaming processor's batches: all the
 * credits of one batch to one merchant load that merchant once and commit together with the
 * processor's token. So a busy merchant never serializes its customers' payments (hot account), and
 * every capture is credited exactly once. Between capture and credit the money is in flight (I1).
 */
public class MerchantSettlement {

    public static final String PROCESSING_GROUP = "merchant-settlement";

    private final CommandGateway commands;
    private final Clock clock;

    public MerchantSettlement(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(PaymentCaptured captured) {
        commands.sendAndWait(new CreditForPayment(captured.merchantAccountId(), captured.paymentId().value(),
                captured.captured(), captured.fundingSource(), clock.instant()));
    }
}
