package io.walletledger.e2e.deployment;

import io.walletledger.e2e.deployment.Dockerfile.Stage;
import io.walletledger.e2e.deployment.ServiceConfigurations.ServiceConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' images as docker-compose.yml builds them from deploy/compose/Dockerfile: one stage per
 * service, with the service's jar, a non-root user, its port and a health check on it, and a heap that fits
 * the memory limit compose gives the container.
 */
class ComposeDockerfileTest {

    /** run.sh's -Xmx384m: the heap the services are run and tested with. */
    private static final long TESTED_HEAP_MIB = 256;

    private final ComposeFile compose = new ComposeFile();

    static List<String> services() {
        return ServiceConfigurations.SERVICES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_builds_the_service_from_its_stage_of_the_dockerfile(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Map<String, Object> build = ComposeFile.map(compose.service(service.name()).get("build"));
        assertThat(build).as(service.name() + ": build").isNotNull().containsEntry("target", service.name());
        Path context = ComposeFile.DIRECTORY.resolve(String.valueOf(build.get("context"))).normalize();
        assertThat(context).isEqualTo(ServiceConfigurations.repositoryRoot());
        assertThat(context.resolve(String.valueOf(build.get("dockerfile"))).normalize()).isEqualTo(dockerfilePath());
        assertThat(compose.interpolate(String.valueOf(compose.service(service.name()).get("image"))))
                .isEqualTo("wallet-ledger/" + service.name() + ":" + ServiceConfigurations.projectVersion());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_image_runs_the_services_jar_as_a_non_root_user_on_a_java_21_or_newer_runtime(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Dockerfile dockerfile = new Dockerfile(dockerfilePath());
        Stage stage = dockerfile.stage(service.name())
                .orElseThrow(() -> new AssertionError("no stage " + service.name()));
        assertThat(dockerfile.baseImage(stage)).matches("eclipse-temurin:(2[1-9]|[3-9][0-9])-jre.*");
        String user = dockerfile.effective(stage, "USER").orElseThrow(() -> new AssertionError("no USER"));
        assertThat(user.split(":")[0]).as("USER").isNotIn("root", "0");
        String jar = service.name() + "/target/" + service.name() + "-${VERSION}.jar";
        assertThat(stage.arguments("COPY")).anySatisfy(copy -> assertThat(copy).startsWith(jar + " "));
        assertThat(stage.arguments("ARG")).contains("VERSION=" + ServiceConfigurations.projectVersion());
        assertThat(dockerfile.effective(stage, "ENTRYPOINT")).hasValueSatisfying(entrypoint ->
                assertThat(entrypoint).contains("\"java\"", "\"-jar\""));
        for (Stage s = stage; s != null; s = dockerfile.stage(s.from()).orElse(null)) {
            for (String copy : s.arguments("COPY")) {
                String source = copy.replaceAll("--\\S+\\s+", "").split("\\s+")[0]
                        .replace("${VERSION}", ServiceConfigurations.projectVersion());
                assertThat(passesIgnoreFile(source)).as(source + " passes Dockerfile.dockerignore").isTrue();
            }
        }
        assertThat(passesIgnoreFile("data/command-service.mv.db")).as("the rest stays out of the context").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_image_exposes_the_configured_port_and_checks_its_health_there(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Dockerfile dockerfile = new Dockerfile(dockerfilePath());
        Stage stage = dockerfile.stage(service.name()).orElseThrow();
        assertThat(stage.arguments("EXPOSE")).containsExactly(String.valueOf(service.port()));
        assertThat(dockerfile.environment(stage)).containsEntry(service.portVariable(), String.valueOf(service.port()));
        String check = dockerfile.effective(stage, "HEALTHCHECK")
                .orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        assertThat(check).doesNotStartWith("NONE").contains("CMD", "\"$" + service.portVariable() + "\"", " /health");
        String script = check.substring(check.indexOf("CMD") + 4).split("\\s+")[0];
        assertThat(copiedInto(dockerfile, stage, script)).as(script + " is copied into the image").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_heap_from_the_jvm_flags_and_the_memory_limit_is_the_tested_one(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Dockerfile dockerfile = new Dockerfile(dockerfilePath());
        String options = dockerfile.environment(dockerfile.stage(service.name()).orElseThrow()).get("JDK_JAVA_OPTIONS");
        assertThat(options).as("JDK_JAVA_OPTIONS").isNotNull();
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(options);
        assertThat(percentage.find()).as(options + " sizes the heap from the container's limit").isTrue();
        Map<String, Object> limits = ComposeFile.map(ComposeFile.map(ComposeFile.map(
                compose.service(service.name()).get("deploy")).get("resources")).get("limits"));
        long limitMib = mebibytes(String.valueOf(limits.get("memory")));
        assertThat(limitMib * Long.parseLong(percentage.group(1)) / 100).as("heap in MiB").isEqualTo(TESTED_HEAP_MIB);
    }

    private static Path dockerfilePath() {
        Path dockerfile = ComposeFile.DIRECTORY.resolve("Dockerfile");
        assertThat(Files.isRegularFile(dockerfile)).as(dockerfile.toString()).isTrue();
        return dockerfile;
    }

    /** Whether a COPY of the stage or of a stage it is built on puts {@code target} into the image. */
    private static boolean copiedInto(Dockerfile dockerfile, Stage stage, String target) {
        for (Stage s = stage; s != null; s = dockerfile.stage(s.from()).orElse(null)) {
            if (s.arguments("COPY").stream().anyMatch(copy -> copy.endsWith(" " + target))) {
                return true;
            }
        }
        return false;
    }

    /** Docker's rule: the last pattern of Dockerfile.dockerignore that matches a path decides. */
    private static boolean passesIgnoreFile(String path) {
        String ignoreFile = ServiceConfigurations.read(ComposeFile.DIRECTORY.resolve("Dockerfile.dockerignore"));
        List<String> patterns = Arrays.stream(ignoreFile.split("\n")).map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("#")).toList();
        boolean included = true;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            String glob = exception ? pattern.substring(1) : pattern;
            if (glob.equals("*") || FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Path.of(path))) {
                included = exception;
            }
        }
        return included;
    }

    private static long mebibytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([MG])i?[Bb]?").matcher(size);
        assertThat(m.matches()).as("memory limit " + size).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("G") ? 1024 : 1);
    }
}
