package io.walletledger.deploy.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Apache Kafka node in KRaft mode (broker and controller in one process), built from the
 * official broker artifacts: a single-node cluster by default, or one node of a small cluster on
 * loopback ({@link Cluster}). Used by {@code deploy/local/run.sh} (as its own JVM, see
 * {@link LocalKafkaMain}), by the tests (in-process) and by the fault campaign (one JVM per node).
 * A data directory that was formatted before is reused, so a restart keeps every topic and offset.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int brokerPort;
    private final Path dataDir;

    private LocalKafkaBroker(KafkaRaftServer server, int brokerPort, Path dataDir) {
        this.server = server;
        this.brokerPort = brokerPort;
        this.dataDir = dataDir;
    }

    /**
     * The nodes of a cluster of several broker-and-controller nodes on loopback: node {@code i}
     * (1-based) listens for clients on {@code brokerPorts[i-1]} and for the quorum on
     * {@code controllerPorts[i-1]}; every node is formatted with the same cluster id. Topics the
     * services create get the cluster's default replication factor ({@code replication}, at most
     * the number of nodes) and need {@code replication - 1} in sync replicas to take writes.
     */
    public record Cluster(String clusterId, int[] brokerPorts, int[] controllerPorts) {

        public int size() {
            return brokerPorts.length;
        }

        String voters() {
            StringBuilder voters = new StringBuilder();
            for (int i = 0; i < size(); i++) {
                voters.append(i == 0 ? "" : ",").append(i + 1).append("@127.0.0.1:").append(controllerPorts[i]);
            }
            return voters.toString();
        }

        public String bootstrapServers() {
            StringBuilder servers = new StringBuilder();
            for (int i = 0; i < size(); i++) {
                servers.append(i == 0 ? "" : ",").append("127.0.0.1:").append(brokerPorts[i]);
            }
            return servers.toString();
        }

        /** A cluster of {@code nodes} nodes on free ports, with a fresh cluster id. */
        public static Cluster onFreePorts(int nodes) {
            int[] brokers = new int[nodes];
            int[] controllers = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                brokers[i] = freePort();
                controllers[i] = freePort();
            }
            return new Cluster(Uuid.randomUuid().toString(), brokers, controllers);
        }

        /** Parses {@code <cluster id>/<broker port>:<controller port>,…} (the form {@link #toString()} gives). */
        public static Cluster parse(String text) {
            String[] idAndNodes = text.split("/", 2);
            String[] nodes = idAndNodes[1].split(",");
            int[] brokers = new int[nodes.length];
            int[] controllers = new int[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                String[] ports = nodes[i].split(":");
                brokers[i] = Integer.parseInt(ports[0]);
                controllers[i] = Integer.parseInt(ports[1]);
            }
            return new Cluster(idAndNodes[0], brokers, controllers);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(clusterId).append('/');
            for (int i = 0; i < size(); i++) {
                text.append(i == 0 ? "" : ",").append(brokerPorts[i]).append(':').append(controllerPorts[i]);
            }
            return text.toString();
        }
    }

    /** Starts a broker; a port of 0 picks a free one. Returns once the broker accepts clients. */
    public static LocalKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        int port = brokerPort == 0 ? freePort() : brokerPort;
        int cport = controllerPort == 0 ? freePort() : controllerPort;
        Path logDir = logDir(dataDir);
        Properties props = serverProperties(logDir, port, cport);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dataDir, props, "--standalone", "-t", Uuid.randomUuid().toString());
        }
        return started(props, port, dataDir);
    }

    /**
     * Starts node {@code nodeId} (1-based) of {@code cluster}; returns once its broker is up (the
     * cluster takes writes once a majority of its nodes runs).
     */
    public static LocalKafkaBroker startNode(Path dataDir, Cluster cluster, int nodeId, int replication) {
        int port = cluster.brokerPorts()[nodeId - 1];
        Path logDir = logDir(dataDir);
        Properties props = serverProperties(logDir, port, cluster.controllerPorts()[nodeId - 1]);
        props.setProperty("node.id", Integer.toString(nodeId));
        props.remove("controller.quorum.bootstrap.servers");
        props.setProperty("controller.quorum.voters", cluster.voters());
        String factor = Integer.toString(replication);
        String minInSync = Integer.toString(Math.max(1, replication - 1));
        for (String key : new String[] {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
            "share.coordinator.state.topic.replication.factor", "default.replication.factor"}) {
            props.setProperty(key, factor);
        }
        for (String key : new String[] {"transaction.state.log.min.isr", "share.coordinator.state.topic.min.isr",
            "min.insync.replicas"}) {
            props.setProperty(key, minInSync);
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dataDir, props, "-t", cluster.clusterId());
        }
        return started(props, port, dataDir);
    }

    private static Path logDir(Path dataDir) {
        Path logDir = dataDir.resolve("kraft-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logDir;
    }

    private static LocalKafkaBroker started(Properties props, int port, Path dataDir) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new LocalKafkaBroker(server, port, dataDir);
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "8");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "8");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // topics are created by their owners with their own settings (partitions, retention)
        p.setProperty("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(Path dataDir, Properties props, String... clusterArguments) {
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "written by LocalKafkaBroker for the storage format");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] arguments = new String[clusterArguments.length + 3];
        arguments[0] = "format";
        System.arraycopy(clusterArguments, 0, arguments, 1, clusterArguments.length);
        arguments[arguments.length - 2] = "-c";
        arguments[arguments.length - 1] = config.toString();
        int exit = StorageTool.execute(arguments, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting the KRaft storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public int port() {
        return brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
