package io.walletledger.e2e.faults;

import io.walletledger.testkit.TestKeys;
import io.walletledger.testkit.WebhookReceiver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Whether the stack serves again, end to end: a deposit to the probe merchant is accepted by
 * command-service, applied by projection-service (read with its consistency token), and its
 * event delivered as a webhook to the merchant's endpoint. The time from a fault to a passed
 * probe is that fault's recovery time.
 */
final class Probe {

    static final Duration LIMIT = Duration.ofMinutes(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Wallets wallets;
    private final String merchant;
    private final Supplier<URI> projections;
    private final WebhookReceiver receiver;
    private final String hooksPath;

    Probe(Wallets wallets, String merchant, Supplier<URI> projections, WebhookReceiver receiver, String hooksPath) {
        this.wallets = wallets;
        this.merchant = merchant;
        this.projections = projections;
        this.receiver = receiver;
        this.hooksPath = hooksPath;
    }

    void pass() throws InterruptedException {
        Upstream.Answer deposit = wallets.deposit(merchant, 1);
        if (!deposit.accepted()) {
            throw new IllegalStateException("probe deposit refused: " + deposit.status() + " " + deposit.body());
        }
        String token = URLEncoder.encode(deposit.body().path("consistencyToken").asText(), StandardCharsets.UTF_8);
        await("the probe deposit " + deposit.id() + " in projection-service").atMost(LIMIT)
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    HttpResponse<Void> view = http.send(HttpRequest.newBuilder(projections.get()
                                    .resolve("/v1/accounts/" + merchant + "?consistencyToken=" + token))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + TestKeys.ADMIN).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return view.statusCode() == 200
                            && view.headers().firstValue("Consistency").orElse("").equals("applied");
                });
        await("the probe deposit " + deposit.id() + " as a webhook").atMost(LIMIT).pollInterval(Duration.ofMillis(50))
                .until(() -> receiver.at(hooksPath).stream().anyMatch(r -> r.body().contains(deposit.id())));
    }
}
