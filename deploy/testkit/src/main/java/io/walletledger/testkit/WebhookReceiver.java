package io.walletledger.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for merchants' webhook endpoints. Each path answers as its
 * {@link Behaviour} says for the n-th request it receives; every request is recorded with its headers,
 * body and arrival time.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** What a path answers to its n-th request (n from 1). */
    @FunctionalInterface
    public interface Behaviour {
        Reply reply(int n);
    }

    public record Reply(int status, Duration delay, String body, Map<String, String> headers) {
        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO, "", Map.of());
        }
    }

    public record Received(String path, Map<String, String> headers, String body, long arrivedAtMillis) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void on(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    public List<Received> at(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                matching.add(r);
            }
        }
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.currentTimeMillis();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        received.add(new Received(path, headers, new String(body, StandardCharsets.UTF_8), arrived));
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Reply reply = behaviours.getOrDefault(path, i -> Reply.status(200)).reply(n);
        try {
            Thread.sleep(reply.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (IOException e) {
            // the sender gave up (timeout or response limit): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
