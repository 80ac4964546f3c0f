package io.walletledger.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

public record PaymentId(String value) {

    /** Compiled once: {@code String.matches} compiled it again for every id read (3 % of command CPU). */
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_.:-]+");

    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64 || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid payment id: " + value);
        }
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
