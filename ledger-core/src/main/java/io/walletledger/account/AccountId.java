package io.walletledger.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies an account; the raw value is also the aggregate id and the Kafka record key. */
public record AccountId(String value) {

    /** Compiled once: {@code String.matches} compiled it again for every id read (3 % of command CPU). */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.:-]+");

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64 || !SYNTAX.matcher(value).matches()) {
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
