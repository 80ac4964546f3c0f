package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.projection.CliApiKey;

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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.ToLongFunction;

/**
 * Compares the audited balances with projection-service's account views (as of the audit's instant,
 * when it has one), concurrently; differences are asked again until {@code settle} is over, since a
 * live projection may still be applying the newest events. Every request carries the API key (one
 * with accounts:read, an AUDITOR key for instance); a refused key ends the reconciliation with a
 * {@link Refused}, and a rate-limited request waits as long as the service asks and is sent again.
 */
final class Reconciliation {

    /** projection-service refused the key (401) or its permission (403): nothing can be compared. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** An account whose view differs from the audit (view fields null when the view is missing). */
    record Difference(String accountId, long auditedBalance, long auditedHeld, Long viewBalance, Long viewHeld,
                      String problem) {
    }

    /** {@code ahead}: views that had applied events after the audited snapshot, so were not compared. */
    record Outcome(int checked, List<Difference> differences, int ahead) {
    }

    private static final int IN_FLIGHT = 16;
    private static final int ATTEMPTS = 20;
    private static final String NEEDED = "reconciling needs accounts:read (an AUDITOR, SERVICE with that grant or "
            + "ADMIN key); a MERCHANT key sees only its own account";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Instant asOf;
    private final String apiKey;
    private static final String AHEAD = "view ahead of the audited snapshot";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reconciliation(String baseUrl, Instant asOf, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.asOf = asOf;
        this.apiKey = apiKey;
    }

    /**
     * Asks for an account that does not exist, before the long replay: a 404 proves the service is up
     * and takes the key; a refused key or an unreachable service is reported now rather than after it.
     */
    void checkAccess() throws IOException, InterruptedException {
        String path = "/v1/accounts/" + URLEncoder.encode("audit-access-check-" + UUID.randomUUID(), StandardCharsets.UTF_8);
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 404 && response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
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
                    if (e.getCause() instanceof Refused refused) {
                        throw refused;
                    }
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
        HttpResponse<String> response = get(path);
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

    /** A GET with the key; rate-limited (429) or still loading its keys (503): waits as asked and retries. */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = CliApiKey.authorize(HttpRequest.newBuilder(URI.create(baseUrl + path)), apiKey)
                .timeout(Duration.ofSeconds(30)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> refusal = CliApiKey.refusal(response, NEEDED);
            if (refusal.isPresent()) {
                throw new Refused(refusal.get());
            }
            boolean busy = response.statusCode() == 429 || response.statusCode() == 503;
            if (!busy || attempt == ATTEMPTS) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.clamp(seconds, 1, 30)));
        }
    }
}
