package io.walletledger.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/openapi/ equal to the OpenAPI documents the services generate from their controllers:
 * a test compares what a running service serves with the committed copy; run it with
 * {@code -Dledger.openapi.write=true} to refresh the copy.
 */
public final class OpenApiDocs {

    private OpenApiDocs() {
    }

    public static void assertCommittedCopyMatches(String served, String fileName) throws IOException {
        Path file = repositoryRoot().resolve("docs").resolve("openapi").resolve(fileName);
        if (Boolean.getBoolean("ledger.openapi.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, served);
        }
        assertThat(file).as("docs/openapi/" + fileName + " is missing; run the test with -Dledger.openapi.write=true")
                .exists();
        assertThat(Files.readString(file)).as("docs/openapi/" + fileName + " is out of date with the code; "
                + "run the test with -Dledger.openapi.write=true").isEqualTo(served);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
