package io.walletledger.notification;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verifies a received webhook with the {@code standardwebhooks} package from the npm registry, run by the
 * machine's Node.js: an implementation of the specification that shares no code with ours. Installs the
 * package pinned by {@code src/test/node/standardwebhooks/package-lock.json} on first use ({@code npm ci}).
 */
public final class StandardWebhooksVerifier {

    private static final Path SOURCE = Path.of("src/test/node/standardwebhooks");
    private static final Path WORK = Path.of("target/standardwebhooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StandardWebhooksVerifier() {
    }

    /** "valid", or "invalid: " and the library's reason. */
    public static synchronized String verify(String secret, Map<String, String> headers, String body) throws Exception {
        install();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("secret", secret);
        input.put("headers", headers);
        input.put("body", body);
        Process node = new ProcessBuilder("node", "verify.js").directory(WORK.toFile()).redirectErrorStream(true).start();
        node.getOutputStream().write(JSON.writeValueAsBytes(input));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new IllegalStateException("node verify.js failed: " + output);
        }
        return output;
    }

    private static void install() throws IOException, InterruptedException {
        if (Files.isDirectory(WORK.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "verify.js")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci of the standardwebhooks verifier failed:\n" + output);
        }
    }
}
