package io.walletledger.e2e.deployment;

import io.walletledger.e2e.deployment.ServiceConfigurations.ServiceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose against the code, as no Docker engine runs here: every variable a service reads is set,
 * ports are the services' own, every container has an image and a health check, and the databases the
 * services use are the ones the PostgreSQL init script creates.
 */
class ComposeFilesTest {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([a-z0-9-]+):5432/(\\w+)");

    private final ComposeFile compose = new ComposeFile();

    static List<String> services() {
        return ServiceConfigurations.SERVICES;
    }

    @Test
    void the_services_configuration_is_read_from_their_application_yml() {
        assertThat(ServiceConfigurations.all()).allSatisfy(service -> {
            assertThat(service.portVariable()).isEqualTo(service.name().replace('-', '_').toUpperCase() + "_PORT");
            assertThat(service.variables()).containsKeys("LEDGER_DB_URL", "LEDGER_DB_USER", "KAFKA_BOOTSTRAP_SERVERS");
            assertThat(service.secretVariables()).contains("LEDGER_DB_PASSWORD");
        });
        assertThat(ServiceConfigurations.of("notification-service").secretVariables()).contains("LEDGER_SECRETS_KEY");
    }

    @Test
    void every_container_has_an_image_or_a_build_and_a_health_check() {
        assertThat(compose.services()).containsKeys(ServiceConfigurations.SERVICES.toArray(String[]::new));
        compose.services().forEach((name, service) -> {
            assertThat(service.get("image") != null || service.get("build") != null)
                    .as(name + ": image or build").isTrue();
            assertThat(service).as(name + ": healthcheck").containsKey("healthcheck");
            Map<String, Object> check = ComposeFile.map(service.get("healthcheck"));
            assertThat(check).as(name + ": healthcheck").doesNotContainEntry("disable", true);
            assertThat((List<?>) check.get("test")).as(name + ": healthcheck test").hasSizeGreaterThan(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_variable_a_service_reads_is_set(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Map<String, String> environment = compose.environment(service.name());
        assertThat(environment).as(service.name()).containsKeys(service.requiredVariables().toArray(String[]::new));
        for (String variable : service.requiredVariables()) {
            String value = environment.get(variable);
            assertThat(value).as(service.name() + ": " + variable).isNotNull();
            if (service.secretVariables().contains(variable)) {
                assertThat(ComposeFile.references(value)).as(service.name() + ": secret " + variable
                        + " must come from the environment file, not be written here").isNotEmpty();
            } else {
                assertThat(compose.interpolate(value)).as(service.name() + ": " + variable).isNotBlank();
            }
        }
    }

    @Test
    void every_variable_taken_from_the_environment_file_is_in_env_example_and_every_entry_is_used() {
        assertThat(compose.environmentFile.keySet()).containsExactlyInAnyOrderElementsOf(compose.referencedVariables());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void ports_are_the_configured_port(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Map<String, Object> container = compose.service(service.name());
        assertThat(compose.environment(service.name()))
                .containsEntry(service.portVariable(), String.valueOf(service.port()));
        List<?> ports = (List<?>) container.get("ports");
        assertThat(ports).as(service.name() + ": ports").hasSize(1);
        Map<String, Object> port = ComposeFile.map(ports.get(0));
        assertThat(port.get("target")).as(service.name() + ": container port").isEqualTo(service.port());
        assertThat(compose.interpolate(String.valueOf(port.get("published")))).as(service.name() + ": published port")
                .isEqualTo(String.valueOf(service.port()));
        List<String> check = ((List<?>) ComposeFile.map(container.get("healthcheck")).get("test")).stream()
                .map(String::valueOf).toList();
        assertThat(check).as(service.name() + ": health check").contains(String.valueOf(service.port()))
                .anySatisfy(argument -> assertThat(argument).startsWith("/health"));
    }

    @Test
    void services_start_once_what_they_depend_on_is_healthy() {
        for (String name : ServiceConfigurations.SERVICES) {
            Map<String, Object> dependsOn = ComposeFile.map(compose.service(name).get("depends_on"));
            assertThat(dependsOn).as(name).containsKeys("kafka", "postgres");
            dependsOn.forEach((dependency, condition) -> assertThat(ComposeFile.map(condition))
                    .as(name + " on " + dependency).containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    void each_service_has_its_own_database_which_the_init_script_creates_for_its_role() {
        Map<String, String> postgres = compose.environment("postgres");
        String script = ServiceConfigurations.read(initScript());
        List<String> databases = ServiceConfigurations.SERVICES.stream().map(name -> {
            Map<String, String> environment = compose.environment(name);
            Matcher url = POSTGRES_URL.matcher(environment.get("LEDGER_DB_URL"));
            assertThat(url.matches()).as(name + ": LEDGER_DB_URL " + environment.get("LEDGER_DB_URL")).isTrue();
            assertThat(compose.services()).as(name + ": database host").containsKey(url.group(1));
            String user = environment.get("LEDGER_DB_USER");
            String password = ComposeFile.references(environment.get("LEDGER_DB_PASSWORD")).iterator().next();
            assertThat(script).as("create-databases.sh creates " + url.group(2))
                    .containsPattern("create_database " + url.group(2) + " " + user + " \"\\$\\{" + password + "[:}]");
            assertThat(postgres.get(password)).as("postgres gets " + password).isNotNull();
            assertThat(ComposeFile.references(postgres.get(password))).containsExactly(password);
            return url.group(2);
        }).toList();
        assertThat(databases).doesNotHaveDuplicates();
    }

    @Test
    void kafka_is_the_official_image_at_the_clients_version_in_kraft_mode_and_the_services_reach_it() {
        assertThat(compose.service("kafka"))
                .containsEntry("image", "apache/kafka:" + ServiceConfigurations.kafkaVersion());
        Map<String, String> kafka = compose.environment("kafka");
        assertThat(kafka).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller").containsKeys("KAFKA_NODE_ID",
                "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_LISTENERS", "KAFKA_CONTROLLER_LISTENER_NAMES");
        kafka.entrySet().stream()
                .filter(e -> e.getKey().endsWith("_REPLICATION_FACTOR") || e.getKey().endsWith("_MIN_ISR"))
                .forEach(e -> assertThat(e.getValue()).as(e.getKey() + " on one broker").isEqualTo("1"));
        List<String> advertised = List.of(compose.interpolate(kafka.get("KAFKA_ADVERTISED_LISTENERS")).split(","));
        for (String name : ServiceConfigurations.SERVICES) {
            String bootstrap = compose.environment(name).get("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(advertised).as(name + ": " + bootstrap + " is an advertised listener")
                    .anySatisfy(listener -> assertThat(listener).endsWith("://" + bootstrap));
        }
    }

    private Path initScript() {
        List<?> volumes = (List<?>) compose.service("postgres").get("volumes");
        String mount = volumes.stream().map(String::valueOf).filter(v -> v.contains("/docker-entrypoint-initdb.d/"))
                .findFirst().orElseThrow(() -> new AssertionError("postgres mounts no init script"));
        Path script = ComposeFile.DIRECTORY.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertThat(Files.isRegularFile(script)).as(script.toString()).isTrue();
        assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        return script;
    }
}
