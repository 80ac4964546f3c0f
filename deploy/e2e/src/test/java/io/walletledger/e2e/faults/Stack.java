package io.walletledger.e2e.faults;

import io.walletledger.e2e.ServiceProcess;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole ledger as separate processes: a KRaft cluster of {@code brokers} nodes, the
 * campaign's own PostgreSQL (one database per service, shared by that service's instances), and
 * {@code instances} instances of each service from its packaged jar. Instances keep their port
 * across restarts.
 */
final class Stack implements AutoCloseable {

    enum Service {
        COMMAND("command-service", "COMMAND_SERVICE_PORT"),
        PROJECTION("projection-service", "PROJECTION_SERVICE_PORT"),
        NOTIFICATION("notification-service", "NOTIFICATION_SERVICE_PORT");

        final String module;
        final String portVariable;

        Service(String module, String portVariable) {
            this.module = module;
            this.portVariable = portVariable;
        }
    }

    private final KafkaNodes kafka;
    private final PrivatePostgres postgres;
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);
    private final Map<Service, List<ServiceProcess>> processes = new EnumMap<>(Service.class);
    private final Map<Service, PostgresDatabase> databases = new EnumMap<>(Service.class);

    private Stack(KafkaNodes kafka, PrivatePostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static Stack start(String name, int brokers, int instances, Path dir) throws Exception {
        PrivatePostgres postgres = PrivatePostgres.create(Path.of("/tmp", "ledger-faults-" + name + "-pg"),
                ServiceProcess.freePort());
        KafkaNodes kafka = new KafkaNodes(brokers, dir.resolve("kafka"));
        Stack stack = new Stack(kafka, postgres);
        try {
            postgres.start();
            kafka.startAll();
            for (Service service : Service.values()) {
                PostgresDatabase db = postgres.createDatabase("faults_" + service.name().toLowerCase());
                stack.databases.put(service, db);
                Map<String, String> env = ServiceProcess.environment(new KafkaEndpoint(kafka.bootstrapServers(), "faults"), db);
                if (service == Service.NOTIFICATION) {
                    env.put("MICRONAUT_ENVIRONMENTS", "local"); // webhooks to the campaign's receiver on loopback
                }
                stack.environments.put(service, env);
                List<ServiceProcess> started = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    started.add(ServiceProcess.start(service.module, service.portVariable, env, ServiceProcess.freePort()));
                }
                stack.processes.put(service, started);
            }
            stack.awaitHealthy();
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    void awaitHealthy() {
        processes.values().forEach(list -> list.stream().filter(ServiceProcess::isAlive).forEach(ServiceProcess::awaitHealthy));
    }

    int instances(Service service) {
        return processes.get(service).size();
    }

    int brokers() {
        return kafka.size();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The addresses of the running instances of a service (all of them if none runs: clients retry). */
    List<URI> uris(Service service) {
        List<URI> alive = new ArrayList<>();
        List<URI> all = new ArrayList<>();
        for (ServiceProcess p : processes.get(service)) {
            all.add(p.uri(""));
            if (p.isAlive()) {
                alive.add(p.uri(""));
            }
        }
        return alive.isEmpty() ? all : alive;
    }

    URI uri(Service service) {
        return uris(service).get(0);
    }

    void kill(Service service, int instance) throws InterruptedException {
        processes.get(service).get(instance).kill();
    }

    /** Starts a killed instance again on its port and waits until it is healthy. */
    void restart(Service service, int instance) throws IOException {
        ServiceProcess old = processes.get(service).get(instance);
        ServiceProcess again = ServiceProcess.start(service.module, service.portVariable, environments.get(service), old.port());
        processes.get(service).set(instance, again);
        again.awaitHealthy();
    }

    /**
     * What a stalled service was doing, into {@code dir}: every running instance's threads (jcmd
     * Thread.print) and its health with the consumers' details (lag, last commit, last error).
     */
    void dumpThreads(Path dir) throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (List<ServiceProcess> instances : processes.values()) {
            for (ServiceProcess p : instances) {
                if (p.isAlive()) {
                    String prefix = p.name() + "-" + p.port();
                    new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve(prefix + ".threads.txt").toFile())
                            .start().waitFor();
                    try {
                        http.send(HttpRequest.newBuilder(p.uri("/health")).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofFile(dir.resolve(prefix + ".health.json")));
                    } catch (IOException e) {
                        Files.writeString(dir.resolve(prefix + ".health.json"), e.toString());
                    }
                }
            }
        }
    }

    /** The health answers saved by {@link #dumpThreads} and the end of every running instance's log. */
    String diagnosis(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (List<ServiceProcess> instances : processes.values()) {
            for (ServiceProcess p : instances) {
                if (p.isAlive()) {
                    Path health = dir.resolve(p.name() + "-" + p.port() + ".health.json");
                    List<String> log = p.log().lines().toList();
                    text.append("== ").append(p.name()).append(" on ").append(p.port()).append(": health ")
                            .append(Files.exists(health) ? Files.readString(health) : "(none)").append('\n')
                            .append(String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    KafkaNodes kafka() {
        return kafka;
    }

    PrivatePostgres postgres() {
        return postgres;
    }

    @Override
    public void close() throws Exception {
        for (Service service : new Service[] {Service.NOTIFICATION, Service.PROJECTION, Service.COMMAND}) {
            for (ServiceProcess p : processes.getOrDefault(service, List.of())) {
                p.close();
            }
        }
        kafka.close();
        postgres.close();
    }
}
