package io.walletledger.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The API key the command-line tools (rebuild, audit) send to projection-service: {@code --api-key},
 * else {@code $LEDGER_API_KEY}, else {@code $LEDGER_ADMIN_KEY} (what the local stack exports). The
 * environment is the better place: a command line is visible to every user of the machine.
 */
public final class CliApiKey {

    public static final String ENV = "LEDGER_API_KEY";
    public static final String ADMIN_ENV = "LEDGER_ADMIN_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliApiKey() {
    }

    public static Optional<String> resolve(String option, Map<String, String> environment) {
        for (String candidate : new String[] {option, environment.get(ENV), environment.get(ADMIN_ENV)}) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.trim());
            }
        }
        return Optional.empty();
    }

    public static HttpRequest.Builder authorize(HttpRequest.Builder request, String key) {
        return request.header("Authorization", "Bearer " + key);
    }

    /** Says why projection-service refused the key (401, 403), or empty when it did not refuse it. */
    public static Optional<String> refusal(HttpResponse<String> response, String needed) {
        int status = response.statusCode();
        if (status != 401 && status != 403) {
            return Optional.empty();
        }
        String problem = problem(response.body());
        return Optional.of(status == 401
                ? "projection-service refused the API key (HTTP 401 " + problem + "): pass a valid key with --api-key "
                        + "or $" + ENV + " (else $" + ADMIN_ENV + " is used)"
                : "the API key may not do this (HTTP 403 " + problem + "): " + needed);
    }

    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("code").asText("?") + ": " + problem.path("detail").asText("");
        } catch (IOException | RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }
}
