package io.walletledger.loadgen.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts and stops a JFR recording in another JVM with jcmd (the one beside this JVM's java). */
public final class FlightRecorder {

    private static final String NAME = "loadgen";

    private FlightRecorder() {
    }

    public static String start(long pid, Path file) {
        return jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    public static String stop(long pid) {
        return jcmd(pid, "JFR.stop", "name=" + NAME);
    }

    private static String jcmd(long pid, String... command) {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        String[] line = new String[command.length + 2];
        line[0] = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        line[1] = Long.toString(pid);
        System.arraycopy(command, 0, line, 2, command.length);
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : "jcmd failed: " + out;
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
