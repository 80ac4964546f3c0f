package io.walletledger.loadgen.setup;

import io.walletledger.loadgen.command.ApiKeys;
import io.walletledger.loadgen.command.Command;
import io.walletledger.loadgen.command.HttpTransport;
import io.walletledger.loadgen.command.LedgerHttp;
import io.walletledger.loadgen.command.Outcome;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens and funds the accounts through the HTTP API, {@value #PARALLEL} requests at a time, with freshly
 * minted SERVICE keys (each key is rate limited, so the load is spread over several).
 */
public final class PopulationBuilder {

    /** KYC tier 3: a daily outgoing limit of 100,000.00 EUR, so that limits don't end a run early. */
    static final int KYC_TIER = 3;
    static final long CUSTOMER_DEPOSIT = 1_000_000;
    static final long MERCHANT_DEPOSIT = 1_000_000;
    /** The hot payer's whole daily limit: 100,000 payments of 1.00 EUR. */
    static final long HOT_PAYER_DEPOSIT = 10_000_000;
    static final int PARALLEL = 32;
    static final List<String> GRANTS = List.of("accounts:open", "deposits:create", "transfers:create",
            "payments:create", "payments:authorize", "payments:capture", "payments:refund", "accounts:read",
            "payments:read", "transfers:read");
    private static final Set<String> TRANSIENT = Set.of("rate_limited", "transport_error", "timeout",
            "concurrent_modification", "idempotency_key_in_use", "keys_loading", "http_503", "overloaded",
            "database_unavailable");

    private final LedgerHttp http;
    private final String commandUrl;
    private final String adminBearer;
    private final PrintStream log;

    public PopulationBuilder(LedgerHttp http, String commandUrl, String adminKey, PrintStream log) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.adminBearer = "Bearer " + adminKey;
        this.log = log;
    }

    public ApiKeys mintServiceKeys(int count, String runId) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = Command.JSON.createObjectNode().put("role", "SERVICE")
                    .put("description", "loadgen " + runId + " #" + (i + 1))
                    .set("grants", Command.JSON.valueToTree(GRANTS)).toString();
            keys.add(created(http.post(commandUrl + "/v1/api-keys", adminBearer, null, body), "a SERVICE key")
                    .path("key").asText());
        }
        return new ApiKeys(keys);
    }

    public String mintMerchantKey(String merchantAccountId, String runId) throws Exception {
        String body = Command.JSON.createObjectNode().put("role", "MERCHANT").put("merchantAccountId", merchantAccountId)
                .put("description", "loadgen " + runId + " webhook merchant").toString();
        return created(http.post(commandUrl + "/v1/api-keys", adminBearer, null, body), "a MERCHANT key")
                .path("key").asText();
    }

    /** Opens (and funds) the customers, the merchants and the hot payer; returns them in that order. */
    public Opened openAccounts(ApiKeys keys, int customers, int merchants, String runId) throws Exception {
        HttpTransport transport = new HttpTransport(http, commandUrl, keys);
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        int total = customers + merchants + 1;
        Semaphore permits = new Semaphore(PARALLEL);
        List<Future<String>> accounts = new ArrayList<>(total);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                boolean merchant = i >= customers && i < customers + merchants;
                boolean hotPayer = i == total - 1;
                String owner = "loadgen-" + runId + (merchant ? "-m" : "-c") + i;
                long deposit = merchant ? MERCHANT_DEPOSIT : hotPayer ? HOT_PAYER_DEPOSIT : CUSTOMER_DEPOSIT;
                permits.acquire();
                accounts.add(threads.submit(() -> {
                    try {
                        String id = retried(transport, Command.openAccount(owner, merchant ? "MERCHANT" : "CUSTOMER",
                                KYC_TIER)).id();
                        retried(transport, Command.deposit(id, deposit));
                        progress(done.incrementAndGet(), total, started);
                        return id;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<String> ids = new ArrayList<>(total);
            for (Future<String> account : accounts) {
                ids.add(account.get());
            }
            log.printf("setup: %d accounts opened and funded in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
            return new Opened(ids.subList(0, customers), ids.subList(customers, customers + merchants), ids.getLast());
        }
    }

    /** The accounts opened, by kind. */
    public record Opened(List<String> customers, List<String> merchants, String hotPayer) {
    }

    private void progress(int done, int total, long started) {
        if (done % 2000 == 0) {
            log.printf("setup: %d of %d accounts (%.0f accounts/s)%n", done, total,
                    done / ((System.nanoTime() - started) / 1e9));
        }
    }

    /** How long a set-up command is retried while the stack answers with a transient refusal. */
    private static final java.time.Duration SETUP_PATIENCE = java.time.Duration.ofMinutes(2);

    private static Outcome retried(HttpTransport transport, Command command) throws InterruptedException {
        Outcome outcome = null;
        long deadline = System.nanoTime() + SETUP_PATIENCE.toNanos();
        for (int attempt = 0; attempt == 0 || System.nanoTime() < deadline; attempt++) {
            outcome = transport.execute(command);
            if (outcome.accepted()) {
                return outcome;
            }
            if (!TRANSIENT.contains(outcome.problemCode())) {
                break;
            }
            // as an upstream service would: back off, at most 2 s, while the stack sheds load (its adaptive
            // limit falls when the machine is slow) or a race is lost
            Thread.sleep(Math.min(2_000L, 100L * (attempt + 1)));
        }
        throw new IllegalStateException("set-up command " + command.type() + " refused: " + outcome.problemCode());
    }

    private static com.fasterxml.jackson.databind.JsonNode created(LedgerHttp.Reply reply, String what) {
        if (reply.status() != 201) {
            throw new IllegalStateException("could not create " + what + ": HTTP " + reply.status() + " " + reply.json());
        }
        return reply.json();
    }
}
