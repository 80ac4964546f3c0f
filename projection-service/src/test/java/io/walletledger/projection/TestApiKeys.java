package io.walletledger.projection;

import io.micronaut.context.ApplicationContext;
import io.walletledger.servicekit.security.ApiKeyRecord;
import io.walletledger.servicekit.security.ApiKeyRegistry;
import io.walletledger.servicekit.security.Role;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** API keys minted for a test on the running service's registry, as the key API would publish them. */
public record TestApiKeys(ApiKeyRegistry registry) {

    /** A key with its record, so a test can revoke it later. */
    public record Key(String plaintext, ApiKeyRecord record) {

        public String bearer() {
            return "Bearer " + plaintext;
        }

        /** What a browser sends for the key typed as user name with an empty password. */
        public String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((plaintext + ":").getBytes(StandardCharsets.UTF_8));
        }
    }

    public static TestApiKeys of(ApplicationContext context) {
        return new TestApiKeys(context.getBean(ApiKeyRegistry.class));
    }

    public Key mint(Role role, String merchantAccountId, List<String> grants) {
        ApiKeyRegistry.Issued issued = registry.issue(role, merchantAccountId, grants, "test " + role, null, null);
        return new Key(issued.plaintext(), issued.record());
    }

    public Key merchant(String merchantAccountId) {
        return mint(Role.MERCHANT, merchantAccountId, List.of());
    }

    public Key revoke(Key key) {
        registry.revoke(key.record());
        return key;
    }
}
