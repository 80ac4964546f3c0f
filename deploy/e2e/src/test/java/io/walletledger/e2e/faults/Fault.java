package io.walletledger.e2e.faults;

/**
 * One fault the campaign injects, what it hit, how long until the process ran again
 * ({@code downMillis}: healthy after a restart; 0 when it stays down) and how long until the
 * stack served again end to end ({@code recoveryMillis}: the {@link Probe} passed).
 */
record Fault(Kind kind, String target, long injectedAtMillis, long downMillis, long recoveryMillis) {

    enum Kind {
        /** kill -9 of a service instance, started again at once. */
        KILL_AND_RESTART,
        /** kill -9 of a service instance that stays down (the other instance takes over). */
        KILL_INSTANCE,
        /** a clean stop of a Kafka node, started again. */
        BROKER_STOP_START,
        /** kill -9 of a Kafka node that stays down (the cluster goes on with the others). */
        BROKER_KILL,
        /** PostgreSQL stopped in immediate mode (a crash for the database), started again. */
        POSTGRES_STOP_START
    }
}
