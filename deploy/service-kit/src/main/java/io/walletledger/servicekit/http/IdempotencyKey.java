package io.walletledger.servicekit.http;

import io.micronaut.core.annotation.Nullable;

/**
 * The one rule for an {@code Idempotency-Key} (and a Kafka command's {@code commandId}): 1 to 255
 * visible ASCII characters, codes 33 to 126. The API key endpoint used to take any 1 to 255
 * characters, so an emoji or a control character ended up on the key topic, which keeps it forever.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final String RULE = "1 to 255 visible ASCII characters";

    private IdempotencyKey() {
    }

    public static boolean isValid(String key) {
        return !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    /** The header's value if it is valid, null if it is absent; a 400 problem otherwise. */
    public static @Nullable String optional(@Nullable String header) {
        if (header != null && !isValid(header)) {
            throw ProblemException.validation(HEADER + " must be " + RULE);
        }
        return header;
    }

    /** The header's value, which must be there and valid; a 400 problem otherwise. */
    public static String required(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.validation("the " + HEADER + " header is required on every POST");
        }
        return optional(header);
    }
}
