package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request being built: first the endpoint's valid template, then the mutations rewrite parts of it.
 * Path segments, query names and values are kept as sent (already percent-encoded); the body is JSON
 * with some values replaced by raw bytes (numbers beyond long, invalid UTF-8), or raw bytes altogether.
 */
final class Draft {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\"@@FZ(\\d+)@@\"");

    /** A header line; a null value writes the name alone, a line without a colon. */
    record Header(String name, byte[] value) {
    }

    String method;
    final List<String> segments;
    String pathSuffix = "";
    final List<String[]> query = new ArrayList<>();
    final List<Header> headers = new ArrayList<>();
    ObjectNode json;
    byte[] rawBody;
    private final Map<Integer, byte[]> rawValues = new HashMap<>();

    Draft(String method, List<String> segments) {
        this.method = method;
        this.segments = new ArrayList<>(segments);
    }

    void header(String name, String value) {
        header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces every header of that name. */
    void header(String name, byte[] value) {
        removeHeader(name);
        headers.add(new Header(name, value));
    }

    void addHeader(String name, String value) {
        headers.add(new Header(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    void removeHeader(String name) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
    }

    void queryParam(String name, String encodedValue) {
        query.removeIf(p -> p[0].equals(name));
        query.add(new String[] {name, encodedValue});
    }

    /** Sets a body field (a dotted path into nested objects) to raw JSON bytes, sent exactly as given. */
    void rawValue(String fieldPath, byte[] raw) {
        int marker = rawValues.size();
        rawValues.put(marker, raw);
        parentOf(fieldPath).set(leaf(fieldPath), TextNode.valueOf("@@FZ" + marker + "@@"));
    }

    void rawValue(String fieldPath, String rawJson) {
        rawValue(fieldPath, rawJson.getBytes(StandardCharsets.UTF_8));
    }

    void removeField(String fieldPath) {
        parentOf(fieldPath).remove(leaf(fieldPath));
    }

    private ObjectNode parentOf(String fieldPath) {
        ObjectNode node = json;
        String[] parts = fieldPath.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        return node;
    }

    private static String leaf(String fieldPath) {
        return fieldPath.substring(fieldPath.lastIndexOf('.') + 1);
    }

    /** The body as it would be sent now (null: none). */
    byte[] body() {
        if (rawBody != null || json == null) {
            return rawBody;
        }
        String text;
        try {
            text = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = MARKER.matcher(text);
        int last = 0;
        while (m.find()) {
            out.writeBytes(text.substring(last, m.start()).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(rawValues.get(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The body as text, for mutations that edit it as a string (it is valid UTF-8 unless raw bytes made it not). */
    String bodyText() {
        byte[] body = body();
        return body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
    }

    /** Replaces the body with text whose characters are bytes (as {@link #bodyText()} returns them). */
    void bodyFromText(String latin1) {
        rawBody = latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    void body(String utf8) {
        rawBody = utf8.getBytes(StandardCharsets.UTF_8);
    }

    String target() {
        StringBuilder target = new StringBuilder();
        for (String segment : segments) {
            target.append('/').append(segment);
        }
        target.append(pathSuffix);
        for (int i = 0; i < query.size(); i++) {
            target.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
        }
        return target.toString();
    }

    /** The request's bytes on the wire: one request per connection, its length declared. */
    byte[] wire(int port) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
        for (Header h : headers) {
            if (h.value() == null) { // a line that is no header at all
                out.writeBytes((h.name() + "\r\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            out.writeBytes((h.name() + ": ").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(h.value());
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        byte[] body = body();
        if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            int length = body == null ? 0 : body.length;
            out.writeBytes(("Content-Length: " + length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {'\r', '\n'});
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
