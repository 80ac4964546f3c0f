package io.walletledger.envelope;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/schemas/events holds exactly what {@link EventSchemaGenerator} makes of ledger-core's event types: no
 * file missing, none extra, none different. With {@code -Dledger.schemas.write=true} it writes them first.
 */
class EventSchemasUpToDateTest {

    static final String WRITE_PROPERTY = "ledger.schemas.write";
    private static final String REGENERATE = "regenerate them with `./mvnw -pl ledger-core test"
            + " -Dtest=EventSchemasUpToDateTest -Dledger.schemas.write=true` and commit docs/schemas/events";

    @Test
    void the_committed_event_schemas_are_the_ones_generated_from_the_event_types() throws IOException {
        Path directory = repositoryRoot().resolve("docs/schemas/events");
        SortedMap<String, String> generated = EventSchemaGenerator.generate();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            write(directory, generated);
        }
        List<String> differences = differences(generated, committed(directory));
        assertThat(differences).as("docs/schemas/events is out of date with ledger-core's event types; " + REGENERATE)
                .isEmpty();
    }

    @Test
    void there_is_one_schema_per_catalog_type() {
        assertThat(EventSchemaGenerator.generate().keySet()).hasSize(EventCatalog.all().size())
                .allSatisfy(file -> assertThat(EventCatalog.classOf(
                        file.substring(0, file.length() - EventSchemaGenerator.FILE_SUFFIX.length()))).isPresent());
    }

    static List<String> differences(SortedMap<String, String> generated, SortedMap<String, String> committed) {
        List<String> differences = new ArrayList<>();
        generated.forEach((file, content) -> {
            if (!committed.containsKey(file)) {
                differences.add(file + ": missing");
            } else if (!committed.get(file).equals(content)) {
                differences.add(file + ": " + firstDifference(committed.get(file), content));
            }
        });
        committed.keySet().stream().filter(file -> !generated.containsKey(file))
                .forEach(file -> differences.add(file + ": not generated from any catalog type"));
        return differences;
    }

    private static String firstDifference(String committed, String generated) {
        String[] was = committed.split("\n", -1);
        String[] is = generated.split("\n", -1);
        for (int line = 0; line < Math.min(was.length, is.length); line++) {
            if (!was[line].equals(is[line])) {
                return "line " + (line + 1) + " is `" + was[line].strip() + "`, generated `" + is[line].strip() + "`";
            }
        }
        return "committed has " + was.length + " lines, generated " + is.length;
    }

    /** Every file in the directory (line ends normalized), by name; empty when there is no directory yet. */
    static SortedMap<String, String> committed(Path directory) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return files;
    }

    private static void write(Path directory, SortedMap<String, String> generated) throws IOException {
        Files.createDirectories(directory);
        for (String file : committed(directory).keySet()) {
            if (!generated.containsKey(file)) {
                Files.delete(directory.resolve(file));
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The checkout's root: the nearest directory above the working directory (the module's) with docs/events.md. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/events.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/events.md in " + start + " or any directory above it");
    }
}
