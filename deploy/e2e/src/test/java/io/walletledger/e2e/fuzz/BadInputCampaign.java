package io.walletledger.e2e.fuzz;

import io.walletledger.testkit.PostgresDatabase;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The campaign from fixture to verdict: make the fixture, wait until the stack is at rest, snapshot
 * its state, plan and send the requests, wait until it is at rest again, and compare.
 */
public final class BadInputCampaign {

    public static final String WEBHOOK_PATH = Fixture.WEBHOOK_PATH;
    private static final int MINIMUM_REQUESTS = 10_000;

    /** The running stack. */
    public record Stack(String bootstrapServers, URI command, URI projection, URI notification,
                        PostgresDatabase commandDb, PostgresDatabase projectionDb, PostgresDatabase notificationDb,
                        String webhookUrl) {

        Map<Template.Service, URI> services() {
            Map<Template.Service, URI> services = new EnumMap<>(Template.Service.class);
            services.put(Template.Service.COMMAND, command);
            services.put(Template.Service.PROJECTION, projection);
            services.put(Template.Service.NOTIFICATION, notification);
            return services;
        }

        Map<Template.Service, PostgresDatabase> databases() {
            Map<Template.Service, PostgresDatabase> dbs = new EnumMap<>(Template.Service.class);
            dbs.put(Template.Service.COMMAND, commandDb);
            dbs.put(Template.Service.PROJECTION, projectionDb);
            dbs.put(Template.Service.NOTIFICATION, notificationDb);
            return dbs;
        }
    }

    /** The verdict and its evidence. */
    public record Result(long sent, int requested, List<String> failures, List<String> changes, Set<String> silent,
                         String report) {
        public void assertPassed() {
            assertThat(sent).as("requests sent").isGreaterThanOrEqualTo(Math.min(requested, MINIMUM_REQUESTS));
            assertThat(silent).as("endpoints that got no request").isEmpty();
            assertThat(failures).as("answers that are no 4xx problem+json with a code").isEmpty();
            assertThat(changes).as("state changed by invalid requests").isEmpty();
        }
    }

    private final Stack stack;

    public BadInputCampaign(Stack stack) {
        this.stack = stack;
    }

    public Result run(String fixedSeed, int requests, int threads) throws Exception {
        String seed = fixedSeed == null || fixedSeed.isBlank() ? Long.toString(new SecureRandom().nextLong()) : fixedSeed;
        System.out.println("Bad input campaign: seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Fixture fixture = Fixture.create(stack.services(), stack.webhookUrl());
        StateSnapshot.Sources sources = new StateSnapshot.Sources(stack.bootstrapServers(), stack.services(),
                stack.databases(), fixture);
        StateSnapshot before = atRest(sources);

        Map<Campaign.Share, List<Template>> catalogue = Map.of(
                Campaign.Share.ADMIN, Catalogue.templates(fixture, false, stack.webhookUrl()),
                Campaign.Share.MERCHANT, Catalogue.templates(fixture, true, stack.webhookUrl()));
        Map<Template.Service, Integer> ports = new EnumMap<>(Template.Service.class);
        stack.services().forEach((service, uri) -> ports.put(service, uri.getPort()));
        List<Campaign.Planned> planned = Campaign.plan(seed, requests, catalogue, fixture, ports);
        Tally tally = new Tally();
        long start = System.nanoTime();
        Campaign.run(planned, ports, threads, tally);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        StateSnapshot after = atRest(sources);
        List<String> changes = after.changesSince(before, stack.bootstrapServers());
        Set<String> silent = new TreeSet<>();
        catalogue.get(Campaign.Share.ADMIN).forEach(t -> silent.add(t.service() + " " + t.name()));
        silent.removeAll(tally.byEndpoint().keySet());
        String report = tally.report(seed, millis, after.recordedRefusals() - before.recordedRefusals());
        System.out.println(report);
        List<String> failures = tally.failures();
        tally.write(java.nio.file.Path.of("target", "bad-input-campaign.tsv"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-failures.txt"), failures);
        failures.stream().limit(100).forEach(f -> System.out.println("FAILURE " + f));
        changes.forEach(c -> System.out.println("CHANGED " + c));
        System.out.printf("%d failures, %d changes of state (every request: target/bad-input-campaign.tsv, every "
                + "failure: target/bad-input-failures.txt)%n", failures.size(), changes.size());
        return new Result(tally.sent(), requests, failures, changes, silent, report);
    }

    /** The state once it has stayed the same for two seconds: consumers, settlement and deliveries done. */
    private static StateSnapshot atRest(StateSnapshot.Sources sources) {
        AtomicReference<StateSnapshot> last = new AtomicReference<>();
        await("the stack at rest").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().until(() -> {
                    StateSnapshot now = StateSnapshot.take(sources);
                    StateSnapshot previous = last.getAndSet(now);
                    return now.equals(previous) && deliveriesDone(now);
                });
        return last.get();
    }

    private static boolean deliveriesDone(StateSnapshot s) {
        String deliveries = s.views().get("deliveries");
        return deliveries.startsWith("200 ") && !deliveries.contains("\"PENDING\"");
    }
}
