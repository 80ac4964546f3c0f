package io.walletledger.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.walletledger.account.AccountId;

import java.util.Objects;

public record PaymentId(String value) {

    public PaymentId {
        Objects.requireNonNull(value, "value");
        if (!AccountId.wellFormed(value)) {
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
