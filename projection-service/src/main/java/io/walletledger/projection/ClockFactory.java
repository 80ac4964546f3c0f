package io.walletledger.projection;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** "Now" as a bean, so what a query calls today can be pinned in a test instead of read from the machine. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
