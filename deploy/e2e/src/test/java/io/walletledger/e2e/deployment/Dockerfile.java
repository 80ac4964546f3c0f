package io.walletledger.e2e.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instructions of a Dockerfile by build stage, enough to check what each stage's image is: its user,
 * health check, exposed ports, environment and copied files. Continuation lines are joined, comments and
 * parser directives dropped.
 */
final class Dockerfile {

    record Instruction(String keyword, String arguments) {
    }

    /** A build stage: the image or stage it starts from, and its own instructions. */
    record Stage(String name, String from, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }
    }

    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private final Map<String, String> globalArguments = new LinkedHashMap<>();

    Dockerfile(Path file) {
        Stage current = null;
        for (String line : logicalLines(ServiceConfigurations.read(file))) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction =
                    new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] from = instruction.arguments().split("\\s+");
                String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "stage-" + stages.size();
                current = new Stage(name, from[0], new ArrayList<>());
                stages.put(name, current);
            } else if (current == null) {
                if (instruction.keyword().equals("ARG")) {
                    String[] arg = instruction.arguments().split("=", 2);
                    globalArguments.put(arg[0], arg.length > 1 ? arg[1] : null);
                }
            } else {
                current.instructions().add(instruction);
            }
        }
    }

    Optional<Stage> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /** The base image of a stage, following stages built on stages, with global ARGs substituted. */
    String baseImage(Stage stage) {
        String from = stage.from();
        while (stages.containsKey(from)) {
            from = stages.get(from).from();
        }
        for (Map.Entry<String, String> arg : globalArguments.entrySet()) {
            from = from.replace("${" + arg.getKey() + "}", String.valueOf(arg.getValue()));
        }
        return from;
    }

    /** The last of a keyword's arguments that applies to a stage, inherited from the stages it is built on. */
    Optional<String> effective(Stage stage, String keyword) {
        for (Stage s = stage; s != null; s = stages.get(s.from())) {
            List<String> values = s.arguments(keyword);
            if (!values.isEmpty()) {
                return Optional.of(values.get(values.size() - 1));
            }
        }
        return Optional.empty();
    }

    /** The ENV variables of a stage, its own over those of the stages it is built on (one KEY=value per ENV). */
    Map<String, String> environment(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage; s != null; s = stages.get(s.from())) {
            chain.add(0, s);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Stage s : chain) {
            for (String env : s.arguments("ENV")) {
                String[] pair = env.split("=", 2);
                String value = pair.length > 1 ? pair[1] : "";
                environment.put(pair[0], value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value);
            }
        }
        return environment;
    }

    /** Instructions over several lines joined into one, without comments, blank lines or parser directives. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && pending.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            lines.add(pending.toString().strip());
            pending.setLength(0);
        }
        return lines;
    }
}
