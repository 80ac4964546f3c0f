package io.walletledger.loadgen.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the benchmark ran on, as far as the generator's JVM can tell. */
public record Machine(int cpus, long memoryMiB, String cpuModel, String jdk, String os) {

    public static Machine current() {
        long memoryKiB = 0;
        String model = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKiB = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // leave what is known
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memoryKiB / 1024, model,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }
}
