package io.walletledger.loadgen.workload;

/** What the load looks like; each scenario names its payer, its merchant and its transport. */
public enum Scenario {
    /** Payments from random customers to random merchants, with transfers and refunds mixed in (--mix). */
    UNIFORM("uniform"),
    /** Every payment to one merchant (the first one opened, which also has the webhook endpoint). */
    HOT_MERCHANT("hot-merchant"),
    /** Every payment authorized by one customer account, many at once. */
    HOT_PAYER("hot-payer"),
    /** The uniform load as commands on ledger.commands.v1; a command's latency ends with its result record. */
    KAFKA_INTAKE("kafka-intake");

    private final String wireName;

    Scenario(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether transfers and refunds are mixed in (the hot scenarios send payments only). */
    public boolean mixed() {
        return this == UNIFORM || this == KAFKA_INTAKE;
    }

    public static Scenario of(String name) {
        for (Scenario s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "' (uniform, hot-merchant, hot-payer, kafka-intake)");
    }
}
