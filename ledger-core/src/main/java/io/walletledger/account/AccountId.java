package io.walletledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** Identifies an account; the raw value is also the aggregate id and the Kafka record key. */
public record AccountId(String value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9_.:-]+")) {
            throw new IllegalArgumentException("invalid account id: " + value);
        }
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
