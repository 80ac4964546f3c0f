package io.walletledger.projection.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.projection.CliApiKey;
import io.walletledger.projection.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar projection-service.jar rebuild [--url http://127.0.0.1:8082] [--api-key KEY]}: asks
 * the running service to rebuild its read models and draws a progress bar (events/s, lag) until it is
 * done. The key (an ADMIN key: rebuilding is projections:rebuild) comes from {@code --api-key}, else
 * {@code $LEDGER_API_KEY}, else {@code $LEDGER_ADMIN_KEY}. Exit status 0 when switched over, 1 when it
 * failed, 2 on bad usage, a refused key or an unreachable service.
 */
public final class RebuildCli {

    private static final String USAGE = "usage: rebuild [--url <projection-service base url>] [--api-key <key>]"
            + " (or $" + CliApiKey.ENV + ", else $" + CliApiKey.ADMIN_ENV + ")";
    private static final String NEEDED = "rebuilding needs an ADMIN key (projections:rebuild)";

    private RebuildCli() {
    }

    public static int run(String[] args, PrintStream out) {
        return run(args, System.getenv(), out);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out) {
        String url = "http://127.0.0.1:" + environment.getOrDefault("PROJECTION_SERVICE_PORT", "8082");
        String keyOption = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].equals("--api-key") && i + 1 < args.length) {
                keyOption = args[++i];
            } else {
                out.println(USAGE);
                return 2;
            }
        }
        Optional<String> key = CliApiKey.resolve(keyOption, environment);
        if (key.isEmpty()) {
            out.println("no API key: " + NEEDED + "; " + USAGE);
            return 2;
        }
        try {
            return follow(URI.create(url + "/admin/rebuild"), key.get(), out);
        } catch (IOException e) {
            out.println("cannot reach projection-service at " + url + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int follow(URI uri, String key, PrintStream out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> started = http.send(CliApiKey.authorize(HttpRequest.newBuilder(uri), key)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            out.println(CliApiKey.refusal(started, NEEDED)
                    .orElse("rebuild refused: HTTP " + started.statusCode() + " " + started.body()));
            return 2;
        }
        String shown = "";
        while (true) {
            HttpResponse<String> polled = http.send(CliApiKey.authorize(HttpRequest.newBuilder(uri), key).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                out.println();
                out.println(CliApiKey.refusal(polled, NEEDED)
                        .orElse("cannot read the rebuild's progress: HTTP " + polled.statusCode() + " " + polled.body()));
                return 2;
            }
            JsonNode progress = json.readTree(polled.body());
            String state = progress.path("state").asText();
            String line = bar(progress);
            if (!line.equals(shown)) {
                out.print("\r" + line);
                out.flush();
                shown = line;
            }
            if (state.equals("DONE")) {
                out.println();
                out.println("rebuilt " + progress.path("eventsApplied").asLong() + " events at "
                        + progress.path("eventsPerSecond").asLong() + " events/s; switched over");
                return 0;
            }
            if (state.equals("FAILED")) {
                out.println();
                out.println("rebuild failed, live read models unchanged: " + progress.path("error").asText());
                return 1;
            }
            Thread.sleep(250);
        }
    }

    static String bar(JsonNode progress) {
        return ProgressBar.line(progress.path("state").asText(), progress.path("eventsApplied").asLong(),
                progress.path("eventsTotal").asLong(), progress.path("eventsPerSecond").asLong(),
                String.format("lag %,d", progress.path("lag").asLong()));
    }
}
