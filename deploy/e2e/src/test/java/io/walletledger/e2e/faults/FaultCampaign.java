package io.walletledger.e2e.faults;

import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.WebhookReceiver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One phase of the fault campaign: starts the stack, drives load with retrying clients, injects
 * the plan's faults one after another at random moments (each after a random number of further
 * client operations), measures each fault's recovery with the {@link Probe}, then stops the
 * clients and runs the {@link Verification}.
 */
final class FaultCampaign {

    /** What a phase runs. */
    record Plan(String name, int brokers, int instances, int clients, int killsPerService, boolean brokerStopStart,
                boolean postgresStopStart, boolean killWithoutRestart) {
    }

    /** What a phase did and found. */
    record Result(Plan plan, long seed, List<Fault> faults, Upstream.Tally tally, long operations,
                  List<String> lines, List<String> failures, Duration took) {
    }

    private static final int MERCHANTS = 3;

    private final Path dir;

    FaultCampaign(Path dir) {
        this.dir = dir;
    }

    Result run(Plan plan, long seed) throws Exception {
        long started = System.nanoTime();
        Random random = new Random(seed);
        Path phaseDir = dir.resolve(plan.name());
        deleteRecursively(phaseDir); // a broker would otherwise start again on the last campaign's topics
        Files.createDirectories(phaseDir);
        Upstream.Tally tally = new Upstream.Tally();
        List<Fault> faults = new ArrayList<>();
        try (Stack stack = Stack.start(plan.name(), plan.brokers(), plan.instances(), phaseDir);
             WebhookReceiver receiver = new WebhookReceiver()) {
            Wallets wallets = new Wallets(new Upstream(() -> stack.uris(Stack.Service.COMMAND), TestKeys.ADMIN, tally));
            wallets.openMerchants(MERCHANTS);
            Map<String, String> hooks = new LinkedHashMap<>();
            Endpoints endpoints = new Endpoints(() -> stack.uri(Stack.Service.NOTIFICATION));
            for (int i = 0; i < wallets.merchants.size(); i++) {
                String path = "/hooks/" + i;
                endpoints.register(wallets.merchants.get(i), receiver.url(path), Verification.WEBHOOK_TYPES);
                hooks.put(wallets.merchants.get(i), path);
            }
            wallets.fundMerchants(); // after the endpoints exist: every event of a merchant is then subscribed
            Probe probe = new Probe(wallets, wallets.merchants.get(0), () -> stack.uri(Stack.Service.PROJECTION),
                    receiver, hooks.get(wallets.merchants.get(0)));
            probe.pass();

            ExecutorService clients = Executors.newFixedThreadPool(plan.clients());
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < plan.clients(); c++) {
                int number = c;
                long clientSeed = random.nextLong();
                running.add(clients.submit(() -> {
                    wallets.client(number, clientSeed);
                    return null;
                }));
            }
            for (Step step : steps(plan, stack, random)) {
                long before = wallets.operations.get();
                int wait = 10 + random.nextInt(50);
                await("clients at work before the next fault").atMost(Duration.ofMinutes(3))
                        .until(() -> wallets.operations.get() >= before + wait || running.stream().anyMatch(Future::isDone));
                faults.add(inject(step, stack, probe, phaseDir));
            }
            long before = wallets.operations.get();
            await("clients at work after the last fault").atMost(Duration.ofMinutes(3))
                    .until(() -> wallets.operations.get() >= before + 50 || running.stream().anyMatch(Future::isDone));
            wallets.stop();
            clients.shutdown();
            List<String> failures = new ArrayList<>();
            for (Future<?> client : running) {
                try {
                    client.get(Upstream.GIVE_UP_AFTER.toMinutes() + 1, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("a client failed: " + e.getCause());
                }
            }
            // a fault is answered 503 with Retry-After (or not at all, by a dead process), never as an internal error
            tally.retriedBecause.forEach((reason, count) -> {
                if (reason.startsWith("5") && !reason.startsWith("503 ")) {
                    failures.add(count + " answers " + reason + ": a fault must be 503 with Retry-After, not an error");
                }
            });
            Verification verification = new Verification();
            verification.balances(wallets, stack.uri(Stack.Service.PROJECTION));
            verification.webhooks(stack.bootstrapServers(), hooks, receiver);
            verification.audit(stack.bootstrapServers(), stack.uri(Stack.Service.PROJECTION),
                    phaseDir.resolve("audit-report.json").toAbsolutePath());
            failures.addAll(verification.failures());
            if (!failures.isEmpty()) {
                stack.dumpThreads(phaseDir);
            }
            return new Result(plan, seed, faults, tally, wallets.operations.get(), verification.lines(), failures,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private record Step(Fault.Kind kind, Stack.Service service, int instance) {
    }

    private static List<Step> steps(Plan plan, Stack stack, Random random) {
        List<Step> steps = new ArrayList<>();
        if (plan.killWithoutRestart()) {
            // scale-out: one instance of each service and one broker die mid-run, the others take over
            for (Stack.Service service : Stack.Service.values()) {
                steps.add(new Step(Fault.Kind.KILL_INSTANCE, service, random.nextInt(stack.instances(service))));
            }
            steps.add(new Step(Fault.Kind.BROKER_KILL, null, 1 + random.nextInt(stack.brokers())));
            Collections.shuffle(steps, random);
            return steps;
        }
        for (int k = 0; k < plan.killsPerService(); k++) {
            for (Stack.Service service : Stack.Service.values()) {
                steps.add(new Step(Fault.Kind.KILL_AND_RESTART, service, random.nextInt(stack.instances(service))));
            }
        }
        if (plan.brokerStopStart()) {
            steps.add(new Step(Fault.Kind.BROKER_STOP_START, null, 1 + random.nextInt(stack.brokers())));
        }
        if (plan.postgresStopStart()) {
            steps.add(new Step(Fault.Kind.POSTGRES_STOP_START, null, 0));
        }
        Collections.shuffle(steps, random);
        return steps;
    }

    private static Fault inject(Step step, Stack stack, Probe probe, Path phaseDir) throws Exception {
        long injected = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String target;
        switch (step.kind()) {
            case KILL_AND_RESTART, KILL_INSTANCE -> {
                target = step.service().module + "#" + step.instance();
                stack.kill(step.service(), step.instance());
            }
            case BROKER_STOP_START -> {
                target = "kafka node " + step.instance();
                stack.kafka().stop(step.instance());
            }
            case BROKER_KILL -> {
                target = "kafka node " + step.instance();
                stack.kafka().kill(step.instance());
            }
            case POSTGRES_STOP_START -> {
                target = "postgresql";
                stack.postgres().crash();
            }
            default -> throw new IllegalStateException(step.kind().name());
        }
        switch (step.kind()) {
            case KILL_AND_RESTART -> stack.restart(step.service(), step.instance());
            case BROKER_STOP_START -> stack.kafka().start(step.instance());
            case POSTGRES_STOP_START -> stack.postgres().start();
            default -> { }
        }
        long down = (System.nanoTime() - t0) / 1_000_000; // until the process runs again (0 for those left down)
        if (step.kind() == Fault.Kind.KILL_INSTANCE || step.kind() == Fault.Kind.BROKER_KILL) {
            down = 0;
        }
        try {
            probe.pass();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            stack.dumpThreads(phaseDir); // the stack did not recover: keep what each process was doing
            System.out.println(stack.diagnosis(phaseDir)); // and show it where only the build's output is kept
            throw e;
        }
        return new Fault(step.kind(), target, injected, down, (System.nanoTime() - t0) / 1_000_000);
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
