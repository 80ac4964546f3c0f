package io.walletledger.projection;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which key the command-line tools send: the option, else $LEDGER_API_KEY, else $LEDGER_ADMIN_KEY. */
class CliApiKeyTest {

    @Test
    void the_option_wins_then_the_api_key_variable_then_the_admin_key_variable() {
        Map<String, String> both = Map.of("LEDGER_API_KEY", "from-api", "LEDGER_ADMIN_KEY", "from-admin");
        assertThat(CliApiKey.resolve("from-option", both)).hasValue("from-option");
        assertThat(CliApiKey.resolve(null, both)).hasValue("from-api");
        assertThat(CliApiKey.resolve(" ", Map.of("LEDGER_API_KEY", "", "LEDGER_ADMIN_KEY", "from-admin")))
                .hasValue("from-admin");
        assertThat(CliApiKey.resolve(null, Map.of())).isEmpty();
    }
}
