package io.walletledger.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeCodecTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final EventEnvelopeCodec codec = new EventEnvelopeCodec();

    private static FundsDeposited deposit() {
        return new FundsDeposited(AccountId.of("acc-1"), "dep-1", Money.of(1234, "EUR"), PaymentMethod.CARD,
                AccountId.of("sys-funding-card-eur"), "top-up", T0);
    }

    @Test
    void encodes_a_structured_cloudevent_with_money_as_minor_units() throws Exception {
        byte[] bytes = codec.encode(CloudEvent.of("evt-1", 3, T0, deposit()));

        JsonNode json = LedgerJson.newObjectMapper().readTree(bytes);
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("evt-1");
        assertThat(json.get("type").asText()).isEqualTo("account.funds_deposited");
        assertThat(json.get("subject").asText()).isEqualTo("acc-1");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("sequence").asLong()).isEqualTo(3);
        assertThat(json.at("/data/amount/amount").asLong()).isEqualTo(1234);
        assertThat(json.at("/data/amount/currency").asText()).isEqualTo("EUR");
        assertThat(json.at("/data/amount")).hasSize(2);
        assertThat(json.at("/data/accountId").asText()).isEqualTo("acc-1");
    }

    @Test
    void decodes_what_it_encodes() {
        CloudEvent event = CloudEvent.of("evt-2", 0, T0,
                new AccountOpened(AccountId.of("acc-1"), "owner", AccountType.MERCHANT, CurrencyCode.of("JPY"), 2, T0));
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        CloudEvent deposit = CloudEvent.of("evt-3", 1, T0, deposit());
        assertThat(codec.decode(codec.encode(deposit))).isEqualTo(deposit);
    }

    @Test
    void refuses_records_that_are_not_catalog_cloudevents() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"x","source":"s","type":"account.exploded","subject":"a",
                 "time":"2026-11-25T10:00:00Z","sequence":0,"data":{}}""".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> codec.decode("""
                {"specversion":"1.0","id":"x","source":"s","type":"account.funds_deposited","subject":"a",
                 "time":"2026-11-25T10:00:00Z","sequence":0,"data":{"amount":{"amount":5,"currency":"???"}}}"""
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void the_event_store_keeps_catalog_names_instead_of_class_names() {
        CatalogTypeSerializer serializer = CatalogTypeSerializer.create();
        SerializedObject<byte[]> stored = serializer.serialize(deposit(), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("account.funds_deposited");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        Object back = serializer.deserialize(stored);
        assertThat(back).isEqualTo(deposit());
    }
}
