package io.walletledger.loadgen.workload;

import io.walletledger.loadgen.command.Command;
import io.walletledger.loadgen.command.CommandTransport;
import io.walletledger.loadgen.command.Outcome;
import io.walletledger.loadgen.observe.ProjectionLagProbe;
import io.walletledger.loadgen.setup.Population;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operations of a scenario. A payment is its request and its authorization (AUTOMATIC capture: captured in
 * the same command), plus a capture command with --capture manual; a transfer and a refund are one command each.
 * Each command's latency is recorded; the first command of an operation counts from the operation's intended
 * start, so that an open loop that falls behind shows it (no coordinated omission).
 */
public final class Workload {

    /** Captured payments that a refund may take from, shared by the runs of a plan. */
    private final ArrayBlockingQueue<Captured> refundable = new ArrayBlockingQueue<>(50_000);
    private final Population population;
    private final int[] mix;
    private final boolean manualCapture;
    private final ProjectionLagProbe lagProbe;

    private record Captured(String paymentId, long amount) {
    }

    public Workload(Population population, int[] mix, boolean manualCapture, ProjectionLagProbe lagProbe) {
        this.population = population;
        this.mix = mix.clone();
        this.manualCapture = manualCapture;
        this.lagProbe = lagProbe;
    }

    /** Payments' share of all operations in a scenario: the open loop's operation rate is payments/s over it. */
    public double paymentShare(Scenario scenario) {
        return scenario.mixed() ? (double) mix[0] / (mix[0] + mix[1] + mix[2]) : 1.0;
    }

    /** One operation of the scenario, started (or meant to start) at {@code intendedNanos}. */
    public void runOne(Scenario scenario, CommandTransport transport, RunStats stats, long intendedNanos) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pick = scenario.mixed() ? random.nextInt(mix[0] + mix[1] + mix[2]) : 0;
        if (pick < mix[0] || !scenario.mixed()) {
            payment(scenario, transport, stats, intendedNanos, random);
        } else if (pick < mix[0] + mix[1]) {
            transfer(transport, stats, intendedNanos, random);
        } else {
            refund(scenario, transport, stats, intendedNanos, random);
        }
    }

    private void payment(Scenario scenario, CommandTransport transport, RunStats stats, long intendedNanos,
                         ThreadLocalRandom random) {
        List<String> merchants = population.merchants();
        String merchant = scenario == Scenario.HOT_MERCHANT ? population.hotMerchant()
                : merchants.get(random.nextInt(merchants.size()));
        String payer = scenario == Scenario.HOT_PAYER ? population.hotPayer() : randomCustomer(random);
        long amount = scenario == Scenario.HOT_PAYER ? 100 : 100 + random.nextLong(4_901);
        Outcome requested = timed(transport, stats, Command.requestPayment(merchant, amount,
                "loadgen-" + random.nextLong(1L << 40), manualCapture), intendedNanos);
        if (!requested.accepted()) {
            return;
        }
        String paymentId = requested.id();
        if (!timed(transport, stats, Command.authorize(paymentId, payer), System.nanoTime()).accepted()) {
            return;
        }
        if (manualCapture && !timed(transport, stats, Command.capture(paymentId), System.nanoTime()).accepted()) {
            return;
        }
        stats.paymentCompleted(System.nanoTime() - intendedNanos, paymentId,
                merchant.equals(population.webhookMerchant()));
        refundable.offer(new Captured(paymentId, amount));
    }

    private void transfer(CommandTransport transport, RunStats stats, long intendedNanos, ThreadLocalRandom random) {
        String source = randomCustomer(random);
        String destination = randomCustomer(random);
        while (destination.equals(source)) {
            destination = randomCustomer(random);
        }
        if (timed(transport, stats, Command.transfer(source, destination, 100 + random.nextLong(1_901)),
                intendedNanos).accepted()) {
            stats.transferCompleted();
        }
    }

    private void refund(Scenario scenario, CommandTransport transport, RunStats stats, long intendedNanos,
                        ThreadLocalRandom random) {
        Captured captured = refundable.poll();
        if (captured == null) { // nothing captured yet at the very start: a payment instead
            payment(scenario, transport, stats, intendedNanos, random);
            return;
        }
        if (timed(transport, stats, Command.refund(captured.paymentId(), Math.max(1, captured.amount() / 2)),
                intendedNanos).accepted()) {
            stats.refundCompleted();
        }
    }

    private String randomCustomer(ThreadLocalRandom random) {
        return population.customers().get(random.nextInt(population.customers().size()));
    }

    private Outcome timed(CommandTransport transport, RunStats stats, Command command, long startNanos) {
        Outcome outcome = transport.execute(command);
        long respondedNanos = System.nanoTime();
        stats.command(command.type(), respondedNanos - startNanos, outcome.accepted(), outcome.problemCode());
        if (outcome.accepted()) {
            lagProbe.maybeProbe(outcome, respondedNanos, stats);
        }
        return outcome;
    }
}
