package io.walletledger.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Mints and revokes API keys through POST /v1/api-keys with the admin key, as an operator does. */
record ApiKeyMinting(CommandServiceRunning admin) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A key as its creation returned it: its id and the key itself (shown this once). */
    record Minted(String id, String key) {
    }

    Minted merchant(String merchantAccountId) throws Exception {
        return mint("{\"role\":\"MERCHANT\",\"merchantAccountId\":\"" + merchantAccountId + "\"}");
    }

    Minted service(String... grants) throws Exception {
        String list = Arrays.stream(grants).map(g -> "\"" + g + "\"").collect(Collectors.joining(","));
        return mint("{\"role\":\"SERVICE\",\"grants\":[" + list + "]}");
    }

    Minted role(String role) throws Exception {
        return mint("{\"role\":\"" + role + "\"}");
    }

    Minted mint(String body) throws Exception {
        HttpResponse<String> created = admin.post("/v1/api-keys", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        return new Minted(key.get("id").asText(), key.get("key").asText());
    }

    void revoke(String id) throws Exception {
        HttpResponse<String> revoked = admin.post("/v1/api-keys/" + id + "/revoke", "{}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    }
}
