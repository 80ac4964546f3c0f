package io.walletledger.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** One service's packaged jar running as its own process, as in production. */
public final class ServiceProcess implements AutoCloseable {

    private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, String portVariable, Map<String, String> environment) throws IOException {
        return start(name, portVariable, environment, freePort());
    }

    /** Starts the service on a given port (a restarted instance keeps its address). */
    public static ServiceProcess start(String name, String portVariable, Map<String, String> environment, int port)
            throws IOException {
        Path jar = packaged(name, name);
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + "-" + STARTS.incrementAndGet() + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // -Dledger.process names the process as run.sh does (the load generator finds its CPU and memory by it)
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-Dledger.process=" + name,
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(Map.of(
                "LEDGER_ADMIN_KEY", io.walletledger.testkit.TestKeys.ADMIN,
                "LEDGER_KEY_MODE", "test",
                "LEDGER_SECRETS_KEY_ID", "test-1",
                "LEDGER_SECRETS_KEY", io.walletledger.testkit.TestKeys.SECRETS_KEY));
        env.putAll(environment);
        env.put(portVariable, Integer.toString(port));
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), port, log);
    }

    /** A jar of this build: {@code <module>/target/<artifact>-<version>.jar}. */
    public static Path packaged(String module, String artifact) {
        Path root = Path.of(System.getProperty("ledger.repository.root", "../.."));
        Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + System.getProperty("ledger.version") + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar missing: " + jar + " (run ./mvnw verify from the root)");
        }
        return jar;
    }

    /** Where a service finds the broker and its database (a mutable map: tests add their settings). */
    public static Map<String, String> environment(io.walletledger.testkit.KafkaEndpoint kafka,
                                           io.walletledger.testkit.PostgresDatabase db) {
        return new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "LEDGER_DB_URL", db.jdbcUrl(), "LEDGER_DB_USER", db.username(), "LEDGER_DB_PASSWORD", db.password()));
    }

    /** Stops the processes in the order given, skipping those never started. */
    static void closeAll(ServiceProcess... processes) throws InterruptedException {
        for (ServiceProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
    }

    public void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        await(name + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Waits for the process to end by itself (a crash) and returns its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + timeout);
        }
        return process.exitValue();
    }

    /** kill -9: the process ends at once, without its shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.readString(this.log);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
