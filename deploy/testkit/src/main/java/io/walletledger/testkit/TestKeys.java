package io.walletledger.testkit;

/** The keys every service under test is configured with (test mode, never used outside tests). */
public final class TestKeys {

    /** The bootstrap admin API key of services under test. */
    public static final String ADMIN = "wl_test_admin_key_of_the_test_suites_only_0001";
    /** Base64 of 32 bytes: the AES-256-GCM key for secrets at rest in tests. */
    public static final String SECRETS_KEY = "dGVzdC1zdWl0ZXMtb25seS1zZWNyZXRzLWtleS0wMDE=";

    private TestKeys() {
    }

    /** The Authorization header value for the admin key. */
    public static String adminBearer() {
        return "Bearer " + ADMIN;
    }
}
