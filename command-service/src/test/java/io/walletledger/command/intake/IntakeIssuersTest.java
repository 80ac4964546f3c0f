package io.walletledger.command.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which issuer may send which command type, as configured in ledger.intake.issuers. */
class IntakeIssuersTest {

    private static IntakeIssuers configured(Map<String, List<String>> issuers) {
        IntakeSettings settings = new IntakeSettings();
        settings.setIssuers(issuers);
        return new IntakeIssuers(settings);
    }

    private static CommandEnvelope command(String issuer, CommandType type) {
        return new CommandEnvelope("cmd-1", type, JsonNodeFactory.instance.objectNode(), issuer, Instant.EPOCH);
    }

    @Test
    void each_command_type_needs_the_permission_of_its_http_route() {
        IntakeIssuers issuers = configured(Map.of("checkout", List.of("payments:create", "payments:capture")));
        assertThat(issuers.refusal(command("checkout", CommandType.PAYMENT_REQUEST))).isEmpty();
        assertThat(issuers.refusal(command("checkout", CommandType.PAYMENT_CAPTURE))).isEmpty();
        assertThat(issuers.refusal(command("checkout", CommandType.PAYMENT_REFUND))).hasValueSatisfying(problem -> {
            assertThat(problem.status()).isEqualTo(403);
            assertThat(problem.code()).isEqualTo("forbidden");
            assertThat(problem.detail()).contains("payments:refund");
        });
    }

    @Test
    void without_configured_issuers_every_command_is_refused() {
        IntakeIssuers none = configured(Map.of());
        for (CommandType type : CommandType.values()) {
            assertThat(none.refusal(command("anyone", type))).as(type.wireName())
                    .hasValueSatisfying(problem -> assertThat(problem.code()).isEqualTo("forbidden"));
        }
    }

    @Test
    void a_grant_that_names_no_permission_stops_the_service_from_starting() {
        assertThatThrownBy(() -> configured(Map.of("checkout", List.of("payments:create", "payment:capture"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("checkout: payment:capture");
    }
}
