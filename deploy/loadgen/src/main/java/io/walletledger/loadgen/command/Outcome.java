package io.walletledger.loadgen.command;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a command came back with: accepted with the resource, or rejected with the problem's {@code code}
 * (a transport failure is rejected with a code of the generator's own, such as {@code transport_error}).
 */
public record Outcome(boolean accepted, int httpStatus, JsonNode resource, String problemCode) {

    public static Outcome accepted(int httpStatus, JsonNode resource) {
        return new Outcome(true, httpStatus, resource, null);
    }

    public static Outcome rejected(int httpStatus, String problemCode) {
        return new Outcome(false, httpStatus, null, problemCode);
    }

    /** The resource's {@code id} (an account, a payment…). */
    public String id() {
        return resource.path("id").asText();
    }

    public String consistencyToken() {
        return resource == null ? null : resource.path("consistencyToken").asText(null);
    }

    static String problemCode(int status, JsonNode problem) {
        String code = problem == null ? null : problem.path("code").asText(null);
        return code != null ? code : "http_" + status;
    }
}
