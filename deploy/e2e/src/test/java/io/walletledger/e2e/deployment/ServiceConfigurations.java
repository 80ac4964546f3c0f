package io.walletledger.e2e.deployment;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the deployment files must agree with, read from the services' own configuration: the environment
 * variables each service reads (the {@code ${VAR:default}} placeholders of its application*.yml), its HTTP
 * port and the partitions of the topics it creates. Nothing here is a copy of those files.
 */
final class ServiceConfigurations {

    static final List<String> SERVICES = List.of("command-service", "projection-service", "notification-service");
    /** Read by Micronaut itself, not through a placeholder: which application-&lt;env&gt;.yml files apply. */
    static final String ENVIRONMENTS_VARIABLE = "MICRONAUT_ENVIRONMENTS";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::(`[^`]*`|[^}]*))?}");
    private static final Pattern PROFILE_FILE = Pattern.compile("application-(.+)\\.ya?ml");

    private ServiceConfigurations() {
    }

    /** One service's configuration. {@code variables}: variable → the property it sets. */
    record ServiceConfiguration(String name, String portVariable, int port, Map<String, String> variables,
                                Set<String> profiles, int eventsTopicPartitions) {

        /** Every variable a deployment must set: the placeholders' and Micronaut's environments. */
        Set<String> requiredVariables() {
            Set<String> all = new TreeSet<>(variables.keySet());
            all.add(ENVIRONMENTS_VARIABLE);
            return all;
        }

        /** Passwords and keys: their property is a password or a key (not a key id). */
        Set<String> secretVariables() {
            Set<String> secrets = new TreeSet<>();
            variables.forEach((variable, property) -> {
                if (property.endsWith(".password") || property.endsWith("-key")) {
                    secrets.add(variable);
                }
            });
            return secrets;
        }
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("ledger.repository.root", "../..")).toAbsolutePath().normalize();
    }

    /** The project's version, as the packaged jars are named: from Failsafe, else from the root pom. */
    static String projectVersion() {
        String version = System.getProperty("ledger.version");
        if (version != null) {
            return version;
        }
        Matcher m = Pattern.compile("<artifactId>wallet-ledger</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read(repositoryRoot().resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no version of wallet-ledger in pom.xml");
        }
        return m.group(1);
    }

    /** {@code kafka.version} of the root pom: the Kafka clients the services run with. */
    static String kafkaVersion() {
        Matcher m = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>")
                .matcher(read(repositoryRoot().resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no kafka.version in pom.xml");
        }
        return m.group(1);
    }

    static List<ServiceConfiguration> all() {
        return SERVICES.stream().map(ServiceConfigurations::of).toList();
    }

    static ServiceConfiguration of(String service) {
        Path resources = repositoryRoot().resolve(service).resolve("src/main/resources");
        Map<String, String> variables = new LinkedHashMap<>();
        Set<String> profiles = new TreeSet<>();
        Map<String, Object> main = null;
        for (Path file : configurationFiles(resources)) {
            Map<String, Object> yaml = new Yaml().load(read(file));
            collectVariables(yaml, "", variables);
            Matcher profile = PROFILE_FILE.matcher(file.getFileName().toString());
            if (profile.matches()) {
                profiles.add(profile.group(1));
            } else {
                main = yaml;
            }
        }
        if (main == null) {
            throw new IllegalStateException("no application.yml in " + resources);
        }
        Matcher port = PLACEHOLDER.matcher(String.valueOf(valueAt(main, "micronaut.server.port")));
        if (!port.matches() || port.group(2) == null) {
            throw new IllegalStateException(service + ": micronaut.server.port is not ${VARIABLE:default}");
        }
        int partitions = ((Number) valueAt(main, "ledger.kafka.events-topic-partitions")).intValue();
        return new ServiceConfiguration(service, port.group(1), Integer.parseInt(port.group(2)), variables, profiles,
                partitions);
    }

    private static List<Path> configurationFiles(Path resources) {
        try (Stream<Path> files = Files.list(resources)) {
            return files.filter(f -> f.getFileName().toString().matches("application(-.+)?\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectVariables(Object node, String path, Map<String, String> variables) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectVariables(value, path.isEmpty() ? String.valueOf(key) : path + "." + key,
                    variables));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectVariables(item, path, variables));
        } else if (node != null) {
            Matcher m = PLACEHOLDER.matcher(node.toString());
            while (m.find()) {
                variables.putIfAbsent(m.group(1), path);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object valueAt(Map<String, Object> yaml, String dottedPath) {
        Object node = yaml;
        for (String key : dottedPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalStateException("no " + dottedPath + " in application.yml");
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return node;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
