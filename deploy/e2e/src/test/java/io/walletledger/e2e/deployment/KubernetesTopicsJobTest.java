package io.walletledger.e2e.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.walletledger.envelope.Topics;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger-topics Job creates the topics the code uses (ledger-core's {@link Topics}) with the settings
 * the services give them when they create them themselves, and the partitions they are configured with.
 */
class KubernetesTopicsJobTest {

    private static final String PARTITIONS_VARIABLE = "LEDGER_KAFKA_EVENTS_TOPIC_PARTITIONS";
    private static final Pattern CREATE = Pattern.compile("(?m)^\\s*create (\\S+) (\\S+)(.*)$");

    private final List<HasMetadata> base = KubernetesManifests.base();
    private final Job job = KubernetesManifests.find(base, Job.class, "ledger-topics");
    private final Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);

    @Test
    void it_creates_every_topic_of_the_code_and_no_other() {
        Map<String, String> created = created();
        assertThat(created.keySet()).containsExactlyInAnyOrder(Topics.EVENTS, Topics.COMMANDS, Topics.COMMAND_RESULTS,
                Topics.deadLetterOf(Topics.COMMANDS), Topics.deadLetterOf(Topics.EVENTS), Topics.ACCOUNT_VIEWS,
                Topics.MERCHANT_SALES, Topics.API_KEYS);
    }

    @Test
    void it_gives_each_topic_the_services_settings() {
        Map<String, String> created = created();
        String partitions = "\"$partitions\"";
        assertThat(created.get(Topics.EVENTS)).startsWith(partitions)
                .contains("retention.ms=-1", "retention.bytes=-1", "cleanup.policy=delete");
        assertThat(created.get(Topics.COMMANDS)).isEqualTo(partitions);
        assertThat(created.get(Topics.COMMAND_RESULTS)).isEqualTo(partitions);
        assertThat(created.get(Topics.deadLetterOf(Topics.COMMANDS))).startsWith("1 ").contains("retention.ms=-1");
        assertThat(created.get(Topics.deadLetterOf(Topics.EVENTS))).startsWith("1 ").contains("retention.ms=-1");
        assertThat(created.get(Topics.ACCOUNT_VIEWS)).startsWith(partitions).contains("cleanup.policy=compact");
        assertThat(created.get(Topics.MERCHANT_SALES)).startsWith(partitions).contains("cleanup.policy=compact");
        assertThat(created.get(Topics.API_KEYS)).isEqualTo("1 --config cleanup.policy=compact");
        assertThat(script()).contains("partitions=${" + PARTITIONS_VARIABLE + ":?}", "--if-not-exists");
    }

    @Test
    void its_partitions_are_the_services_from_the_configmap_they_share() {
        ConfigMap common = KubernetesManifests.find(base, ConfigMap.class, "ledger-common");
        assertThat(container.getEnvFrom()).anySatisfy(e -> assertThat(e.getConfigMapRef().getName())
                .isEqualTo("ledger-common"));
        for (String service : List.of("command-service", "projection-service")) {
            String configured = String.valueOf(ServiceConfigurations.of(service).eventsTopicPartitions());
            assertThat(common.getData().get(PARTITIONS_VARIABLE))
                    .as("the partitions " + service + " is configured with").isEqualTo(configured);
            Deployment deployment = KubernetesManifests.find(base, Deployment.class, service);
            assertThat(KubernetesManifestsTest.container(deployment).getEnvFrom())
                    .anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("ledger-common"));
        }
        KubernetesManifests.findOptional(KubernetesManifests.productionPatches(), ConfigMap.class, "ledger-common")
                .map(patch -> patch.getData().get(PARTITIONS_VARIABLE))
                .ifPresent(value -> assertThat(Integer.parseInt(value)).as("production partitions").isPositive());
    }

    @Test
    void it_runs_the_official_kafka_image_at_the_clients_version() {
        assertThat(container.getImage()).isEqualTo("apache/kafka:" + ServiceConfigurations.kafkaVersion());
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    }

    /** Topic → what follows its name on its {@code create} line: the partitions, then its configs. */
    private Map<String, String> created() {
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher m = CREATE.matcher(script());
        while (m.find()) {
            String previous = topics.put(m.group(1), (m.group(2) + m.group(3)).strip());
            assertThat(previous).as("created once: " + m.group(1)).isNull();
        }
        return topics;
    }

    private String script() {
        return String.join("\n", container.getArgs());
    }
}
