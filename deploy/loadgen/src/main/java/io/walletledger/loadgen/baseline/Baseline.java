package io.walletledger.loadgen.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/** A measured limit of the machine, or why it was skipped. Figures are named, in their own units. */
public record Baseline(String name, boolean measured, Map<String, Double> figures, String note) {

    public static Baseline measured(String name, Map<String, Double> figures, String note) {
        return new Baseline(name, true, new LinkedHashMap<>(figures), note);
    }

    public static Baseline skipped(String name, String why) {
        return new Baseline(name, false, Map.of(), why);
    }

    public Double figure(String key) {
        return figures.get(key);
    }
}
