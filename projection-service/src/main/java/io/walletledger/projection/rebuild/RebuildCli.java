package io.walletledger.projection.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.projection.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -jar projection-service.jar rebuild [--url http://127.0.0.1:8082]}: asks the running
 * service to rebuild its read models and draws a progress bar (events/s, lag) until it is done.
 * Exit status 0 when switched over, 1 when it failed, 2 on bad usage or an unreachable service.
 */
public final class RebuildCli {

    private RebuildCli() {
    }

    public static int run(String[] args, PrintStream out) {
        String url = "http://127.0.0.1:" + System.getenv().getOrDefault("PROJECTION_SERVICE_PORT", "8082");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else {
                out.println("usage: rebuild [--url <projection-service base url>]");
                return 2;
            }
        }
        try {
            return follow(URI.create(url + "/admin/rebuild"), out);
        } catch (IOException e) {
            out.println("cannot reach projection-service at " + url + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int follow(URI uri, PrintStream out) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            out.println("rebuild refused: HTTP " + started.statusCode() + " " + started.body());
            return 2;
        }
        String shown = "";
        while (true) {
            JsonNode progress = json.readTree(http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
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
