package io.walletledger.projection.dashboard;

import io.walletledger.servicekit.http.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {" 7", "7 ", "+7", "\u0667", "7.0", "0", "91", "abc", "9999999999"})
    void days_are_plain_digits_from_1_to_90(String days) {
        assertThatThrownBy(() -> DashboardParameters.parse("UTC", days))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("validation_failed"))
                .hasMessageStartingWith("days: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "90", "007"})
    void whole_numbers_in_range_are_taken(String days) {
        assertThat(DashboardParameters.parse("UTC", days).days()).isEqualTo(Integer.parseInt(days));
    }
}
