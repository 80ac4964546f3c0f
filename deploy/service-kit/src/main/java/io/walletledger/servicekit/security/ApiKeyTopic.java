package io.walletledger.servicekit.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;

/**
 * The records of {@code ledger.api-keys.v1}: a key's state under {@code key/<id>}, and when a service
 * last saw it used under {@code usage/<id>/<service>}. Compaction keeps the latest of each.
 */
final class ApiKeyTopic {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    record Usage(String id, String service, Instant lastUsedAt) {
    }

    private ApiKeyTopic() {
    }

    static String keyOf(ApiKeyRecord record) {
        return "key/" + record.id();
    }

    static String keyOf(Usage usage) {
        return "usage/" + usage.id() + "/" + usage.service();
    }

    static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    static ApiKeyRecord decodeKey(byte[] value) throws IOException {
        return JSON.readValue(value, ApiKeyRecord.class);
    }

    static Usage decodeUsage(byte[] value) throws IOException {
        return JSON.readValue(value, Usage.class);
    }
}
