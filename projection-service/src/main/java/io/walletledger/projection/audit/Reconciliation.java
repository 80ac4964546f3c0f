package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.ToLongFunction;

/**
 * Compares the audited balances with projection-service's account views (as of the audit's instant,
 * when it has one), concurrently; differences are asked again until {@code settle} is over, since a
 * live projection may still be applying the newest events.
 */
final class Reconciliation {

    /** An account whose view differs from the audit (view fields null when the view is missing). */
    record Difference(String accountId, long auditedBalance, long auditedHeld, Long viewBalance, Long viewHeld,
                      String problem) {
    }

    /** {@code ahead}: views that had applied events after the audited snapshot, so were not compared. */
    record Outcome(int checked, List<Difference> differences, int ahead) {
    }

    private static final int IN_FLIGHT = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Instant asOf;
    private static final String AHEAD = "view ahead of the audited snapshot";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reconciliation(String baseUrl, Instant asOf) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.asOf = asOf;
    }

    Outcome compare(Collection<LedgerReplay.Account> accounts, ToLongFunction<String> audited,
                    Duration settle) throws InterruptedException {
        List<LedgerReplay.Account> pending = new ArrayList<>(accounts);
        Instant deadline = Instant.now().plus(settle);
        List<Difference> differences;
        while (true) {
            differences = round(pending, audited);
            if (differences.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            List<String> differing = differences.stream().map(Difference::accountId).toList();
            pending = pending.stream().filter(a -> differing.contains(a.id)).toList();
            Thread.sleep(500); // the projection may still be applying the newest events
        }
        List<Difference> real = new ArrayList<>(differences.stream().filter(d -> !d.problem().equals(AHEAD)).toList());
        real.sort(Comparator.comparing(Difference::accountId));
        return new Outcome(accounts.size(), real, differences.size() - real.size());
    }

    private List<Difference> round(List<LedgerReplay.Account> accounts, ToLongFunction<String> audited)
            throws InterruptedException {
        List<Difference> differences = new ArrayList<>();
        Semaphore permits = new Semaphore(IN_FLIGHT);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Difference>> checks = new ArrayList<>();
            for (LedgerReplay.Account account : accounts) {
                permits.acquire();
                checks.add(pool.submit(() -> {
                    try {
                        return check(account, audited);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Difference> check : checks) {
                try {
                    Difference difference = check.get();
                    if (difference != null) {
                        differences.add(difference);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("reconciliation failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return differences;
    }

    private Difference check(LedgerReplay.Account account, ToLongFunction<String> audited)
            throws IOException, InterruptedException {
        String id = URLEncoder.encode(account.id, StandardCharsets.UTF_8);
        String path = asOf == null ? "/v1/accounts/" + id
                : "/v1/accounts/" + id + "/balance?at=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return new Difference(account.id, account.balance, account.held, null, null, "no view");
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        JsonNode view = JSON.readTree(response.body());
        long balance = view.at("/balance/amount").asLong();
        long held = view.at("/held/amount").asLong();
        if (balance == account.balance && held == account.held) {
            return null;
        }
        if (asOf == null && view.has("version") && view.get("version").asLong() > audited.applyAsLong(account.id)) {
            return new Difference(account.id, account.balance, account.held, balance, held, AHEAD);
        }
        return new Difference(account.id, account.balance, account.held, balance, held, "differs");
    }
}
