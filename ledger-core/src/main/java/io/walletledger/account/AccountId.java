package io.walletledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies an account; the raw value is also the aggregate id and the Kafka record key. */
public record AccountId(String value) {

    private static final int MAX_LENGTH = 64;

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("invalid account id: " + value);
        }
    }

    /**
     * The syntax of the ledger's ids (accounts and payments): 1 to 64 of {@code [A-Za-z0-9_.:-]}. A loop
     * over the characters, not a regular expression: every id of every event read goes through here, and
     * the compiled pattern's matcher was still 4 % of command-service's CPU (JFR, uniform closed loop on
     * PostgreSQL).
     */
    public static boolean wellFormed(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
