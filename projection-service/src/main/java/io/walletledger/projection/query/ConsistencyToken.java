package io.walletledger.projection.query;

import io.walletledger.servicekit.http.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token command responses return ({@code acc_1@3,pay_9@0}): for each aggregate the command
 * appended to, the sequence of its last event. A read model has applied the token once it has
 * applied at least that sequence of every aggregate in it.
 */
public record ConsistencyToken(Map<String, Long> sequences) {

    private static final int MAX_ENTRIES = 32;

    public static ConsistencyToken parse(String token) {
        Map<String, Long> sequences = new LinkedHashMap<>();
        if (token == null || token.isBlank()) {
            return new ConsistencyToken(sequences);
        }
        for (String entry : token.split(",", -1)) {
            int at = entry.lastIndexOf('@');
            if (at <= 0 || at == entry.length() - 1 || sequences.size() == MAX_ENTRIES) {
                throw invalid(token);
            }
            try {
                long sequence = Long.parseLong(entry.substring(at + 1));
                if (sequence < 0) {
                    throw invalid(token);
                }
                sequences.merge(entry.substring(0, at), sequence, Math::max);
            } catch (NumberFormatException e) {
                throw invalid(token);
            }
        }
        return new ConsistencyToken(Map.copyOf(sequences));
    }

    public boolean isEmpty() {
        return sequences.isEmpty();
    }

    private static ProblemException invalid(String token) {
        String shown = token.length() > 80 ? token.substring(0, 80) + "…" : token;
        return ProblemException.validation("consistencyToken: '" + shown
                + "' is not a token from a command response (aggregate@sequence, comma separated)");
    }
}
