package io.walletledger.e2e.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.walletledger.e2e.deployment.KubernetesManifests.Kustomization;
import io.walletledger.e2e.deployment.ServiceConfigurations.ServiceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s against the code: every manifest is a valid Kubernetes object, the kustomizations are whole,
 * and each service runs as a Deployment on its configured port, with health probes, resources, a disruption
 * budget, a Service, and every variable it reads, its secrets only from Secrets.
 */
class KubernetesManifestsTest {

    private final List<HasMetadata> base = KubernetesManifests.base();

    static List<String> services() {
        return ServiceConfigurations.SERVICES;
    }

    @Test
    void every_manifest_parses_into_the_kubernetes_model() {
        Map<Path, List<HasMetadata>> manifests = KubernetesManifests.all();
        assertThat(manifests).isNotEmpty();
        manifests.forEach((file, objects) -> assertThat(objects).as(file.toString()).isNotEmpty().allSatisfy(object -> {
            assertThat(object).as(file + ": a kind the model knows").isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(object.getMetadata().getName()).as(file + ": name").isNotBlank();
        }));
    }

    @Test
    void the_kustomizations_list_only_files_that_exist_and_every_manifest_is_listed() throws Exception {
        for (Path directory : List.of(KubernetesManifests.BASE, KubernetesManifests.PRODUCTION)) {
            Kustomization kustomization = KubernetesManifests.kustomization(directory);
            for (String resource : kustomization.resources()) {
                Path path = directory.resolve(resource).normalize();
                boolean exists = Files.isRegularFile(path)
                        || Files.isRegularFile(path.resolve(KubernetesManifests.KUSTOMIZATION));
                assertThat(exists).as(directory + ": resource " + resource).isTrue();
            }
            kustomization.patches().forEach(patch -> assertThat(directory.resolve(patch)).as("patch").isRegularFile());
            try (Stream<Path> files = Files.list(directory)) {
                List<String> manifests = files.map(f -> f.getFileName().toString())
                        .filter(f -> f.matches(".*\\.ya?ml") && !f.equals(KubernetesManifests.KUSTOMIZATION)).toList();
                assertThat(Stream.concat(kustomization.resources().stream(), kustomization.patches().stream()).toList())
                        .as(directory + ": every manifest is used").containsAll(manifests);
            }
        }
        assertThat(KubernetesManifests.productionPatches()).allSatisfy(patch -> assertThat(base)
                .as("the base has what " + patch.getKind() + " " + patch.getMetadata().getName() + " patches")
                .anySatisfy(o -> assertThat(o.getKind() + "/" + o.getMetadata().getName())
                        .isEqualTo(patch.getKind() + "/" + patch.getMetadata().getName())));
        Set<String> images = new TreeSet<>(KubernetesManifests.ofKind(base, Deployment.class).stream()
                .map(d -> container(d).getImage().replaceFirst(":[^:/]+$", "")).toList());
        assertThat(images).containsAll(KubernetesManifests.kustomization(KubernetesManifests.PRODUCTION).images());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_is_a_deployment_with_health_probes_on_its_configured_port(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Deployment deployment = KubernetesManifests.find(base, Deployment.class, service.name());
        Container container = container(deployment);
        assertThat(container.getImage()).startsWith("wallet-ledger/" + service.name() + ":");
        assertThat(container.getPorts()).as("container ports").hasSize(1)
                .allSatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(service.port()));
        assertProbe(container, container.getReadinessProbe(), service, "readiness",
                Set.of("/health/readiness", "/health"));
        assertProbe(container, container.getLivenessProbe(), service, "liveness", Set.of("/health/liveness"));
        assertProbe(container, container.getStartupProbe(), service, "startup", Set.of("/health/liveness", "/health"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    }

    @Test
    void every_container_and_every_production_patch_has_resource_requests_and_limits() {
        List<Container> containers = Stream.concat(base.stream(), KubernetesManifests.productionPatches().stream())
                .flatMap(o -> switch (o) {
                    case Deployment d -> d.getSpec().getTemplate().getSpec().getContainers().stream();
                    case Job j -> j.getSpec().getTemplate().getSpec().getContainers().stream();
                    default -> Stream.<Container>empty();
                })
                .toList();
        assertThat(containers).hasSizeGreaterThanOrEqualTo(7).allSatisfy(container -> {
            ResourceRequirements resources = container.getResources();
            assertThat(resources).as(container.getName()).isNotNull();
            assertThat(resources.getRequests()).as(container.getName() + " requests").containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(container.getName() + " limits").containsKeys("cpu", "memory");
            assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory")))
                    .isLessThanOrEqualTo(Quantity.getAmountInBytes(resources.getLimits().get("memory")));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void a_disruption_budget_and_a_service_select_the_pods_and_the_service_targets_the_configured_port(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Deployment deployment = KubernetesManifests.find(base, Deployment.class, service.name());
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        PodDisruptionBudget budget = KubernetesManifests.ofKind(base, PodDisruptionBudget.class).stream()
                .filter(pdb -> podLabels.entrySet()
                        .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()))
                .findFirst().orElseThrow(() -> new AssertionError("no PodDisruptionBudget selects " + service.name()));
        // maxUnavailable: a minAvailable equal to the replicas would block every node drain
        assertThat(budget.getSpec().getMaxUnavailable()).as("maxUnavailable").isNotNull();
        Service kubernetesService = KubernetesManifests.find(base, Service.class, service.name());
        assertThat(podLabels).containsAllEntriesOf(kubernetesService.getSpec().getSelector());
        assertThat(kubernetesService.getSpec().getPorts()).anySatisfy(port -> {
            assertThat(port.getPort()).isEqualTo(service.port());
            assertThat(resolve(container(deployment), port.getTargetPort())).isEqualTo(service.port());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_variable_a_service_reads_is_provided_and_its_secrets_only_from_secrets(String name) {
        ServiceConfiguration service = ServiceConfigurations.of(name);
        Deployment deployment = KubernetesManifests.find(base, Deployment.class, service.name());
        // the Service's link variables would include <SERVICE>_PORT=tcp://…, the port variable itself
        assertThat(deployment.getSpec().getTemplate().getSpec().getEnableServiceLinks()).isFalse();
        Container container = container(deployment);
        Map<String, String> fromConfigMaps = new TreeMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            assertThat(source.getSecretRef()).as("secrets by key (secretKeyRef), so that each is visible here")
                    .isNull();
            ConfigMap map = KubernetesManifests.find(base, ConfigMap.class, source.getConfigMapRef().getName());
            fromConfigMaps.putAll(map.getData());
        }
        Map<String, EnvVar> env = new TreeMap<>();
        container.getEnv().forEach(e -> env.put(e.getName(), e));
        for (String variable : service.requiredVariables()) {
            EnvVar entry = env.get(variable);
            if (service.secretVariables().contains(variable)) {
                assertThat(entry).as(variable + " set").isNotNull();
                assertThat(entry.getValue()).as(variable + " never literal").isNull();
                assertThat(entry.getValueFrom().getSecretKeyRef()).as(variable + " from a Secret").isNotNull();
            } else {
                assertThat(valueOf(entry, fromConfigMaps.get(variable)))
                        .as(service.name() + ": " + variable + " set literally, by a ConfigMap or a Secret")
                        .isNotBlank();
            }
        }
        assertThat(env.get(service.portVariable()).getValue()).isEqualTo(String.valueOf(service.port()));
        Set<String> secrets = service.secretVariables();
        KubernetesManifests.all().values().stream().flatMap(List::stream).filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast).forEach(map -> assertThat(map.getData().keySet())
                        .as("ConfigMap " + map.getMetadata().getName() + " holds no secret")
                        .doesNotContainAnyElementsOf(secrets));
    }

    @Test
    void no_environment_runs_a_profile_of_the_local_stack() {
        Set<String> profiles = new TreeSet<>();
        ServiceConfigurations.all().forEach(service -> profiles.addAll(service.profiles()));
        assertThat(profiles).as("the profiles found in the services").contains("local");
        List<ConfigMap> maps = KubernetesManifests.all().values().stream().flatMap(List::stream)
                .filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(map -> map.getData().containsKey(ServiceConfigurations.ENVIRONMENTS_VARIABLE)).toList();
        assertThat(maps).hasSizeGreaterThanOrEqualTo(2).allSatisfy(map -> assertThat(
                map.getData().get(ServiceConfigurations.ENVIRONMENTS_VARIABLE).split("\\s*,\\s*"))
                .as(map.getMetadata().getName()).doesNotContainAnyElementsOf(profiles));
    }

    @Test
    void every_secret_the_manifests_reference_is_documented() {
        String operations =
                ServiceConfigurations.read(ServiceConfigurations.repositoryRoot().resolve("docs/operations.md"));
        KubernetesManifests.ofKind(base, Deployment.class).stream().flatMap(d -> container(d).getEnv().stream())
                .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .forEach(ref -> assertThat(operations.contains(ref.getName()) && operations.contains(ref.getKey()))
                        .as("docs/operations.md tells to create Secret " + ref.getName() + " with " + ref.getKey())
                        .isTrue());
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + ": one container").hasSize(1);
        return containers.get(0);
    }

    private static void assertProbe(Container container, Probe probe, ServiceConfiguration service, String kind,
                                    Set<String> paths) {
        assertThat(probe).as(service.name() + ": " + kind + " probe").isNotNull();
        assertThat(probe.getHttpGet()).as(kind + " probe over HTTP").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(kind + " probe path").isIn(paths);
        assertThat(resolve(container, probe.getHttpGet().getPort())).as(kind + " probe port").isEqualTo(service.port());
    }

    /** An env entry's value, a ConfigMap's or a Secret's (by its reference); without an entry, the envFrom one. */
    private String valueOf(EnvVar entry, String fromEnvFrom) {
        if (entry == null) {
            return fromEnvFrom;
        }
        if (entry.getValue() != null || entry.getValueFrom() == null) {
            return entry.getValue();
        }
        if (entry.getValueFrom().getSecretKeyRef() != null) {
            return "secret " + entry.getValueFrom().getSecretKeyRef().getName();
        }
        var ref = entry.getValueFrom().getConfigMapKeyRef();
        return ref == null ? null
                : KubernetesManifests.find(base, ConfigMap.class, ref.getName()).getData().get(ref.getKey());
    }

    /** A port given by number or by the name of one of the container's ports. */
    private static int resolve(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()))
                .getContainerPort();
    }
}
