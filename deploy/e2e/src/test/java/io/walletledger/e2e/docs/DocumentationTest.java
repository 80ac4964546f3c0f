package io.walletledger.e2e.docs;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation checked against the code: every {@code ledger.*} property the services configure
 * and every environment variable they read is in the operations guide, and every relative link of the
 * README and docs/ leads to a file that exists.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of(System.getProperty("ledger.repository.root", "../..")).toAbsolutePath();
    private static final List<String> SERVICES = List.of("command-service", "projection-service", "notification-service");
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void every_ledger_property_and_environment_variable_of_the_services_is_in_the_operations_guide() throws IOException {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        TreeSet<String> properties = new TreeSet<>();
        TreeSet<String> variables = new TreeSet<>();
        for (Path yml : configurationFiles()) {
            String text = Files.readString(yml);
            Map<String, Object> tree = new Yaml().load(text);
            flatten("", tree, properties);
            Matcher env = ENV_PLACEHOLDER.matcher(text);
            while (env.find()) {
                variables.add(env.group(1));
            }
        }
        properties.removeIf(p -> !p.startsWith("ledger."));
        assertThat(properties).as("properties found").hasSizeGreaterThan(10);
        assertThat(properties.stream().filter(p -> !operations.contains(p)).toList())
                .as("ledger.* properties missing from docs/operations.md").isEmpty();
        assertThat(variables).contains("LEDGER_DB_URL", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(variables.stream().filter(v -> !operations.contains(v)).toList())
                .as("environment variables missing from docs/operations.md").isEmpty();
    }

    @Test
    void every_relative_link_of_the_readme_and_the_docs_leads_to_an_existing_file() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")
                        || target.startsWith("#")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (!Files.exists(page.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(pages).hasSizeGreaterThan(5);
        assertThat(broken).as("broken relative links").isEmpty();
    }

    private static List<Path> configurationFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String service : SERVICES) {
            try (Stream<Path> resources = Files.list(ROOT.resolve(service).resolve("src/main/resources"))) {
                resources.filter(p -> p.getFileName().toString().matches("application.*\\.yml")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        return files;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, TreeSet<String> into) {
        if (tree == null) {
            return;
        }
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(path, (Map<String, Object>) child, into);
            } else {
                into.add(path);
            }
        });
    }
}
