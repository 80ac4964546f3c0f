package io.walletledger.e2e.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The manifests under deploy/k8s parsed into fabric8's Kubernetes model classes, and the kustomizations
 * that assemble them. Kustomize itself is not run: each check reads the base, and the overlay's patches
 * where they change what it checks.
 */
final class KubernetesManifests {

    static final Path DIRECTORY = ServiceConfigurations.repositoryRoot().resolve("deploy/k8s");
    static final Path BASE = DIRECTORY.resolve("base");
    static final Path PRODUCTION = DIRECTORY.resolve("overlays/production");
    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubernetesManifests() {
    }

    /** A kustomization.yaml: the files and folders it assembles, and the images it retags. */
    record Kustomization(Path directory, List<String> resources, List<String> patches, List<String> images) {
    }

    /** Every manifest file under deploy/k8s (kustomizations aside), each with the objects it holds. */
    static Map<Path, List<HasMetadata>> all() {
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            Map<Path, List<HasMetadata>> manifests = new LinkedHashMap<>();
            files.filter(f -> f.toString().matches(".*\\.ya?ml") && !f.getFileName().toString().equals(KUSTOMIZATION))
                    .sorted().forEach(f -> manifests.put(f, parse(f)));
            return manifests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of the base: those of the files its kustomization lists. */
    static List<HasMetadata> base() {
        return kustomization(BASE).resources().stream().flatMap(r -> parse(BASE.resolve(r)).stream()).toList();
    }

    /** The production overlay's patches, as partial objects. */
    static List<HasMetadata> productionPatches() {
        return kustomization(PRODUCTION).patches().stream()
                .flatMap(p -> parse(PRODUCTION.resolve(p)).stream()).toList();
    }

    static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> kind, String name) {
        return findOptional(objects, kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    static <T extends HasMetadata> Optional<T> findOptional(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @SuppressWarnings("unchecked")
    static Kustomization kustomization(Path directory) {
        Map<String, Object> yaml = new Yaml().load(ServiceConfigurations.read(directory.resolve(KUSTOMIZATION)));
        List<String> resources = (List<String>) yaml.getOrDefault("resources", List.of());
        List<String> patches = ((List<Map<String, Object>>) yaml.getOrDefault("patches", List.of())).stream()
                .map(patch -> (String) patch.get("path")).toList();
        List<String> images = ((List<Map<String, Object>>) yaml.getOrDefault("images", List.of())).stream()
                .map(image -> (String) image.get("name")).toList();
        return new Kustomization(directory, resources, patches, images);
    }

    @SuppressWarnings("unchecked")
    static List<HasMetadata> parse(Path file) {
        Object parsed = SERIALIZATION.unmarshal(
                new ByteArrayInputStream(ServiceConfigurations.read(file).getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> list) {
            return (List<HasMetadata>) list;
        }
        if (parsed instanceof HasMetadata object) {
            return List.of(object);
        }
        throw new AssertionError(DIRECTORY.relativize(file) + ": not a Kubernetes object: " + parsed);
    }
}
