package io.walletledger.e2e.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One endpoint as a valid request against the fixture (sent as is, it would succeed) and what its
 * contract says about each part of it: the fields of its body, its query parameters, the headers it
 * reads, the methods its path allows. The mutations use this to make the request invalid.
 */
record Template(Service service, String name, String method, List<String> segments, Set<Integer> idSegments,
                ObjectNode body, BodyMode bodyMode, List<Field> fields, boolean strictFields,
                Idempotency idempotency, List<Param> params, boolean consistencyToken, boolean lastEventId,
                Set<String> methods, String produces, boolean write, Map<String, String> foreign) {

    enum Service { COMMAND, PROJECTION, NOTIFICATION }

    enum BodyMode { NONE, OPTIONAL, REQUIRED }

    enum Idempotency { IGNORED, OPTIONAL, REQUIRED }

    enum Kind { ID, DESTINATION_ID, AMOUNT, CURRENCY, ENUM, TEXT, INT, BOOL, TEXT_LIST, URL, OBJECT }

    /** A body field: {@code path} is dotted for nested objects; min/max bound INTs, max bounds TEXT length and list size. */
    record Field(String path, Kind kind, boolean required, long min, long max, List<String> values) {
        boolean isString() {
            return kind == Kind.ID || kind == Kind.DESTINATION_ID || kind == Kind.CURRENCY || kind == Kind.ENUM
                    || kind == Kind.TEXT || kind == Kind.URL;
        }

        boolean isNumber() {
            return kind == Kind.AMOUNT || kind == Kind.INT;
        }
    }

    enum ParamKind { INT, TIME, ZONE, GRANULARITY, STATEMENT_CURSOR, DELIVERY_CURSOR, DELIVERY_STATUS, EVENT_TYPES, EVENT_ID }

    /** A query parameter; {@code valid} is sent by the template (null: optional and left out). */
    record Param(String name, ParamKind kind, String valid, boolean required, long min, long max) {
    }

    Draft draft() {
        Draft draft = new Draft(method, segments);
        if (body != null) {
            draft.json = body.deepCopy();
        }
        for (Param p : params) {
            if (p.valid() != null) {
                draft.queryParam(p.name(), p.valid());
            }
        }
        return draft;
    }

    boolean hasBody() {
        return bodyMode != BodyMode.NONE;
    }

    static Builder of(Service service, String method, String pathTemplate, String... ids) {
        return new Builder(service, method, pathTemplate, ids);
    }

    static final class Builder {
        private static final ObjectMapper JSON = new ObjectMapper();

        private final Service service;
        private final String method;
        private final String pathTemplate;
        private final List<String> segments = new ArrayList<>();
        private final java.util.Set<Integer> idSegments = new java.util.TreeSet<>();
        private ObjectNode body;
        private BodyMode bodyMode = BodyMode.NONE;
        private final List<Field> fields = new ArrayList<>();
        private boolean strict;
        private Idempotency idempotency = Idempotency.IGNORED;
        private final List<Param> params = new ArrayList<>();
        private boolean token;
        private boolean lastEventId;
        private Set<String> methods;
        private String produces = "application/json";
        private boolean write;
        private final Map<String, String> foreign = new LinkedHashMap<>();

        private Builder(Service service, String method, String pathTemplate, String... ids) {
            this.service = service;
            this.method = method;
            this.pathTemplate = pathTemplate;
            this.methods = Set.of(method);
            int next = 0;
            for (String part : pathTemplate.substring(1).split("/")) {
                if (part.startsWith("{")) {
                    idSegments.add(segments.size());
                    segments.add(ids[next++]);
                } else {
                    segments.add(part);
                }
            }
            this.write = !method.equals("GET");
        }

        Builder body(BodyMode mode, String json, Field... fields) {
            try {
                this.body = (ObjectNode) JSON.readTree(json);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(json, e);
            }
            this.bodyMode = mode;
            this.fields.addAll(Arrays.asList(fields));
            return this;
        }

        Builder optionalEmptyBody() {
            this.bodyMode = BodyMode.OPTIONAL;
            return this;
        }

        Builder strict() {
            this.strict = true;
            return this;
        }

        Builder idempotency(Idempotency idempotency) {
            this.idempotency = idempotency;
            return this;
        }

        Builder param(String name, ParamKind kind, String valid, boolean required, long min, long max) {
            params.add(new Param(name, kind, valid, required, min, max));
            return this;
        }

        Builder param(String name, ParamKind kind, String valid, boolean required) {
            return param(name, kind, valid, required, 0, 0);
        }

        Builder token() {
            this.token = true;
            return this;
        }

        Builder lastEventId() {
            this.lastEventId = true;
            return this;
        }

        Builder methods(String... allowed) {
            this.methods = Set.of(allowed);
            return this;
        }

        Builder produces(String type) {
            this.produces = type;
            return this;
        }

        /** A MERCHANT key's request for another tenant: replace the body field or path segment (by index) with this. */
        Builder foreign(String where, String value) {
            foreign.put(where, value);
            return this;
        }

        Template build() {
            return new Template(service, method + " " + pathTemplate, method, List.copyOf(segments), Set.copyOf(idSegments),
                    body, bodyMode, List.copyOf(fields), strict, idempotency, List.copyOf(params), token, lastEventId,
                    methods, produces, write, Map.copyOf(foreign));
        }
    }

    static Field field(String path, Kind kind, boolean required) {
        return new Field(path, kind, required, 0, 0, List.of());
    }

    static Field text(String path, boolean required, int maxLength) {
        return new Field(path, Kind.TEXT, required, 1, maxLength, List.of());
    }

    static Field integer(String path, boolean required, long min, long max) {
        return new Field(path, Kind.INT, required, min, max, List.of());
    }

    static Field oneOf(String path, boolean required, String... values) {
        return new Field(path, Kind.ENUM, required, 0, 0, List.of(values));
    }

    static Field list(String path, boolean required, int maxItems, List<String> values) {
        return new Field(path, Kind.TEXT_LIST, required, 1, maxItems, values);
    }
}
