package io.walletledger.command;

import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.PostgresDatabase;
import io.walletledger.testkit.RealServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** I3: an uncaptured hold is released by its deadline, which survives a restart of the service. */
@ExtendWith(RealServices.class)
class HoldExpiryTest {

    private static final Map<String, Object> FAST = Map.of(
            "ledger.payments.hold-expiry", "3s",
            "ledger.payments.deadline-poll", "200ms",
            "ledger.payments.deadline-initial-delay", "200ms");

    @Test
    void I3_holds_an_uncaptured_hold_is_released_after_a_restart(KafkaEndpoint kafka, PostgresDatabase database)
            throws Exception {
        String payment;
        String payer;
        try (CommandServiceRunning first = CommandServiceRunning.start(kafka, database, FAST)) {
            PaymentHttpTestSupport support = new PaymentHttpTestSupport(first);
            String shop = support.open("MERCHANT", 0);
            payer = support.open("CUSTOMER", 1_000);
            payment = support.request(shop, 700);
            support.authorize(payment, payer);
            assertThat(StoredEvents.held(database, payer)).isEqualTo(700);
        }
        try (CommandServiceRunning second = CommandServiceRunning.start(kafka, database, FAST)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> StoredEvents.types(database, payment).contains("payment.expired"));
            assertThat(StoredEvents.held(database, payer)).isZero();
            List<String> types = StoredEvents.types(database, payer);
            assertThat(types.get(types.size() - 1)).isEqualTo("account.hold_released");
            assertThat(StoredEvents.balance(database, payer)).isEqualTo(1_000);
        }
    }
}
