package io.walletledger.loadgen.observe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack's processes on this machine, found by their {@code -Dledger.process=<name>} command line
 * (deploy/local/run.sh sets it) that listens on the port the generator was given: other stacks may run on this
 * machine too, on other ports. CPU time (utime + stime) and peak resident memory (VmHWM) come from /proc.
 * PostgreSQL, when it listens on this machine, is measured as its server process with every child (the
 * backends, the WAL writer, autovacuum): CPU only, because its backends share memory.
 */
public final class StackProcesses {

    /** One process: its name in the stack and its pid; with its children's CPU too when {@code withChildren}. */
    public record Member(String name, long pid, boolean withChildren) {
        public Member(String name, long pid) {
            this(name, pid, false);
        }
    }

    /** The name of the PostgreSQL server's CPU in the results. */
    public static final String POSTGRES = "postgres";

    /** CPU ticks so far and memory of each process, at one moment. */
    public record Sample(Map<String, Long> cpuTicks, Map<String, Long> peakResidentKiB) {
    }

    private static final Path PROC = Path.of("/proc");

    private final List<Member> members;
    private final List<String> notes;
    private final long ticksPerSecond;

    private StackProcesses(List<Member> members, List<String> notes, long ticksPerSecond) {
        this.members = members;
        this.notes = notes;
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * Finds each named process by its port; one that is not found is left out, with a note. {@code databasePort}:
     * a PostgreSQL server listening on it here is measured too (null: not looked for).
     */
    public static StackProcesses discover(Map<String, Integer> portsByName, Integer databasePort) {
        List<Member> members = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            notes.add("no /proc on this system: CPU and memory are not measured");
            return new StackProcesses(members, notes, 100);
        }
        members.add(new Member("loadgen", ProcessHandle.current().pid()));
        portsByName.forEach((name, port) -> {
            Long listening = listenerOf(port);
            if (listening != null && processesNamed(name).contains(listening)) {
                members.add(new Member(name, listening));
            } else {
                notes.add(name + ": no process with -Dledger.process=" + name + " listens on port " + port
                        + " here; its CPU and memory are not measured");
            }
        });
        if (databasePort != null) {
            Long server = listenerOf(databasePort);
            if (server != null && isPostgres(server)) {
                members.add(new Member(POSTGRES, server, true));
            } else {
                notes.add(POSTGRES + ": no PostgreSQL server of this machine listens on port " + databasePort
                        + " (or it is another user's); its CPU is not measured");
            }
        }
        return new StackProcesses(members, notes, clockTicksPerSecond());
    }

    /** These processes, as given (for tests). */
    static StackProcesses of(List<Member> members) {
        return new StackProcesses(members, List.of(), clockTicksPerSecond());
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/comm")).trim().startsWith("postgres");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public List<Member> members() {
        return members;
    }

    public List<String> notes() {
        return notes;
    }

    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    public Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> peak = new LinkedHashMap<>();
        for (Member member : members) {
            try {
                String[] fields = statFields(member.pid());
                long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (member.withChildren()) {
                    // children that ended and were waited for are in cutime + cstime; the living ones are added
                    ticks.put(member.name(), own + Long.parseLong(fields[13]) + Long.parseLong(fields[14])
                            + livingChildrenTicks(member.pid()));
                    continue;
                }
                ticks.put(member.name(), own);
                for (String line : Files.readAllLines(PROC.resolve(member.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peak.put(member.name(), Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended: it is missing from this sample
            }
        }
        return new Sample(ticks, peak);
    }

    /** The fields of /proc/<pid>/stat after the command name: index 1 is the parent pid, 11 and 12 utime and stime. */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(PROC.resolve(pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long livingChildrenTicks(long parent) {
        long ticks = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String[] fields = statFields(Long.parseLong(entry.getFileName().toString()));
                    if (Long.parseLong(fields[1]) == parent) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile: its ticks are in the parent's cutime from now on
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /**
     * Waits until the stack's processes (not the generator) together use less than {@code cores} over two
     * seconds: the backlog of the last run (publishing, projections, webhooks) has drained. Returns the seconds
     * waited, or -1 if still busy at the timeout.
     */
    public double awaitQuiet(double cores, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long before = stackTicks();
            Thread.sleep(2_000);
            if ((stackTicks() - before) / (double) ticksPerSecond / 2.0 < cores) {
                return (System.nanoTime() - started) / 1e9;
            }
        }
        return -1;
    }

    private long stackTicks() {
        return sample().cpuTicks().entrySet().stream().filter(e -> !e.getKey().equals("loadgen"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static List<Long> processesNamed(String name) {
        List<Long> pids = new ArrayList<>();
        String marker = "-Dledger.process=" + name;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String cmdline = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (List.of(cmdline.split("\0")).contains(marker)) {
                        pids.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    /** The pid holding the listening socket of a TCP port, via /proc/net/tcp{,6} and each process's fds. */
    static Long listenerOf(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException missing) {
                // no IPv6 table
            }
        }
        if (inodes.isEmpty()) {
            return null;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(entry.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                            return Long.parseLong(entry.getFileName().toString());
                        }
                    }
                } catch (IOException | RuntimeException noAccess) {
                    // another user's process, or ended meanwhile
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
