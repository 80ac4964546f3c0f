package io.walletledger.e2e.deployment;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/compose/docker-compose.yml as Docker Compose reads it: its YAML (anchors and merge keys resolved
 * by SnakeYAML), and its {@code ${VAR}} references interpolated from .env.example, the file a user copies to
 * .env. Only the interpolation forms the file uses are supported: {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?message}} and {@code ${VAR?message}}.
 */
final class ComposeFile {

    static final Path DIRECTORY = ServiceConfigurations.repositoryRoot().resolve("deploy/compose");
    private static final Pattern REFERENCE =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    final String text;
    final Map<String, Object> yaml;
    final Map<String, String> environmentFile;

    ComposeFile() {
        text = ServiceConfigurations.read(DIRECTORY.resolve("docker-compose.yml"));
        yaml = new Yaml().load(text);
        environmentFile = readEnvironmentFile(DIRECTORY.resolve(".env.example"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("no service " + name + " in docker-compose.yml");
        }
        return service;
    }

    /** A service's environment as written (uninterpolated), in either of Compose's two forms. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                variables.put(pair[0], pair.length == 2 ? pair[1] : null);
            }
        }
        return variables;
    }

    /** A YAML mapping of the file, e.g. a service's {@code build} or {@code depends_on}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("not a mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    /** Every variable the file takes from the environment file. */
    Set<String> referencedVariables() {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The names a value takes from the environment file, e.g. {@code [COMMAND_DB_PASSWORD]}. */
    static Set<String> references(String value) {
        Set<String> names = new TreeSet<>();
        Matcher m = REFERENCE.matcher(value == null ? "" : value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The value Compose would use with .env.example as the environment file (required values left empty). */
    String interpolate(String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!environmentFile.containsKey(name) && m.group(2) == null) {
                throw new AssertionError("${" + name + "} is not defined in .env.example");
            }
            String set = environmentFile.get(name);
            String operator = m.group(2) == null ? "" : m.group(2);
            boolean useDefault = operator.equals(":-") && (set == null || set.isEmpty())
                    || operator.equals("-") && set == null;
            m.appendReplacement(out, Matcher.quoteReplacement(useDefault ? m.group(3) : set == null ? "" : set));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    private static Map<String, String> readEnvironmentFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : ServiceConfigurations.read(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 1) {
                throw new AssertionError(".env.example: not NAME=value: " + line);
            }
            values.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return values;
    }
}
