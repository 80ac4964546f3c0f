package io.walletledger.loadgen.workload;

/**
 * One run of a plan: a scenario, open loop at {@code paymentsPerSecond} offered, or closed loop with
 * {@code concurrency} operations in flight.
 */
public record RunSpec(Scenario scenario, boolean closedLoop, double paymentsPerSecond, int concurrency) {

    public RunSpec {
        if (!closedLoop && !(paymentsPerSecond > 0)) {
            throw new IllegalArgumentException("an open-loop run needs a rate above 0");
        }
        if (closedLoop && concurrency < 1) {
            throw new IllegalArgumentException("a closed-loop run needs a concurrency of 1 or more");
        }
    }

    /** {@code scenario:rate} or {@code scenario:closed}, e.g. {@code uniform:200}, {@code hot-payer:closed}. */
    public static RunSpec parse(String spec, int concurrency) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a run is scenario:rate or scenario:closed, not '" + spec + "'");
        }
        Scenario scenario = Scenario.of(spec.substring(0, colon));
        String load = spec.substring(colon + 1);
        if (load.equals("closed")) {
            return new RunSpec(scenario, true, 0, concurrency);
        }
        return new RunSpec(scenario, false, Double.parseDouble(load), concurrency);
    }

    /** A short name for tables and charts: {@code uniform@200/s}, {@code uniform@closed-64}. */
    public String label() {
        String load = closedLoop ? "closed-" + concurrency : (paymentsPerSecond == Math.rint(paymentsPerSecond)
                ? Long.toString((long) paymentsPerSecond) : Double.toString(paymentsPerSecond)) + "/s";
        return scenario.wireName() + "@" + load;
    }
}
