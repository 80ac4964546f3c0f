package io.walletledger.envelope;

/** Kafka topic names of the public contract, defined once for every service and test. */
public final class Topics {

    /** Every ledger event, CloudEvents JSON, key = aggregate id, unlimited retention. */
    public static final String EVENTS = "ledger.events.v1";
    /** Commands from upstream services, key = the account or payment the command targets. */
    public static final String COMMANDS = "ledger.commands.v1";
    /** The outcome of each command, key = command id. */
    public static final String COMMAND_RESULTS = "ledger.command-results.v1";
    /** Every change of an account view, compacted, key = account id (projection-service). */
    public static final String ACCOUNT_VIEWS = "ledger.account-views.v1";
    /** Every change of a merchant's hourly sales bucket, compacted, key = merchant id + "/" + UTC hour. */
    public static final String MERCHANT_SALES = "ledger.merchant-sales.v1";
    /** API keys (SHA-256 only) and their last use, compacted, one partition, read by every service. */
    public static final String API_KEYS = "ledger.api-keys.v1";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
