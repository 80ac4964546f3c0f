package io.walletledger.e2e.fuzz;

import io.walletledger.e2e.fuzz.Mutations.Mutation;
import io.walletledger.testkit.TestKeys;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plans the requests from a seed (jqwik generators in a session seeded with it, so a seed replays the
 * same campaign against a fixture of the same shape), then sends them from a small pool and judges
 * every answer.
 */
final class Campaign {

    /** Who sends: the admin key, the fixture merchant's MERCHANT key, or a broken or missing key. */
    enum Share { ADMIN, MERCHANT, BAD_KEY }

    /** One request to send. */
    record Planned(Template template, Share share, List<Mutation> mutations, byte[] wire) {
        String endpoint() {
            return template.service() + " " + template.name();
        }

        Mutation invalidating() {
            return mutations.get(mutations.size() - 1);
        }
    }

    private Campaign() {
    }

    static List<Planned> plan(String seed, int total, Map<Share, List<Template>> catalogue, Fixture fixture,
                              Map<Template.Service, Integer> ports) {
        List<Template> endpoints = catalogue.get(Share.ADMIN);
        int perEndpoint = (total + endpoints.size() - 1) / endpoints.size();
        List<Planned> planned = new ArrayList<>();
        JqwikSession.start(seed);
        try {
            for (int e = 0; e < endpoints.size(); e++) {
                for (int i = 0; i < perEndpoint; i++) {
                    Share share = share(i, endpoints.get(e));
                    Template t = catalogue.get(share == Share.MERCHANT ? Share.MERCHANT : Share.ADMIN).get(e);
                    planned.add(one(t, share, fixture, ports.get(t.service()), seed + "-" + planned.size()));
                }
            }
            Collections.shuffle(planned, new Random(seed.hashCode()));
        } finally {
            JqwikSession.finish();
        }
        return planned;
    }

    /** 75 % admin, 15 % merchant, 10 % without a valid key (public paths: admin instead). */
    private static Share share(int i, Template t) {
        int slot = i % 20;
        if (slot < 2 && !Catalogue.isPublic(t)) {
            return Share.BAD_KEY;
        }
        return slot < 5 ? Share.MERCHANT : Share.ADMIN;
    }

    private static Planned one(Template t, Share share, Fixture fixture, int port, String idempotencyKey) {
        Arbitrary<Mutation> invalid = share == Share.BAD_KEY ? Mutations.badKey(fixture.revokedKey())
                : Mutations.invalidating(t, share == Share.MERCHANT);
        List<Mutation> decorations = Mutations.decorations(t).sample();
        Mutation mutation = invalid.sample();
        Draft decorated = valid(t, share, fixture, idempotencyKey);
        decorations.forEach(m -> m.apply().accept(decorated));
        Draft mutated = valid(t, share, fixture, idempotencyKey);
        decorations.forEach(m -> m.apply().accept(mutated));
        mutation.apply().accept(mutated);
        byte[] wire = mutated.wire(port);
        if (java.util.Arrays.equals(wire, decorated.wire(port))) {
            throw new IllegalStateException("the mutation changed nothing, the request would be valid: " + t.name()
                    + " " + mutation.family() + ": " + mutation.detail());
        }
        List<Mutation> all = new ArrayList<>(decorations);
        all.add(mutation);
        return new Planned(t, share, List.copyOf(all), wire);
    }

    /** The template as its caller sends it: the key of the share, JSON, a fresh Idempotency-Key where read. */
    private static Draft valid(Template t, Share share, Fixture fixture, String idempotencyKey) {
        Draft draft = t.draft();
        String key = share == Share.MERCHANT ? fixture.merchantKey() : TestKeys.ADMIN;
        draft.header("Authorization", "Bearer " + key);
        if (t.hasBody()) {
            draft.header("Content-Type", "application/json");
        }
        if (t.idempotency() != Template.Idempotency.IGNORED) {
            draft.header("Idempotency-Key", idempotencyKey);
        }
        return draft;
    }

    /** Sends everything from {@code threads} workers; each answer goes to the tally. */
    static void run(List<Planned> planned, Map<Template.Service, Integer> ports, int threads, Tally tally)
            throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Planned p : planned) {
                sent.add(pool.submit(() -> {
                    try {
                        tally.record(p, RawHttp.send(ports.get(p.template().service()), p.wire(), 30_000), null);
                    } catch (Exception e) {
                        tally.record(p, null, e);
                    }
                }));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
