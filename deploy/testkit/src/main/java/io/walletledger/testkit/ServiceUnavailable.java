package io.walletledger.testkit;

/** A service the tests need could not be found or started; tests fail, they are never skipped. */
public final class ServiceUnavailable extends RuntimeException {
    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
