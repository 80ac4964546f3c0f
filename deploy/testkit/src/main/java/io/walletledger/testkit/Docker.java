package io.walletledger.testkit;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers may be used: a Docker engine answers and the local services are not forced. */
final class Docker {

    private Docker() {
    }

    static boolean usable() {
        if ("local".equalsIgnoreCase(System.getProperty("ledger.test.services", System.getenv("LEDGER_TEST_SERVICES")))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
