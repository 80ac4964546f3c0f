package io.walletledger.projection;

/** The one-line progress bar of the command-line tools (rebuild, audit), redrawn in place with '\r'. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    public static String line(String state, long done, long total, long perSecond, String tail) {
        long whole = Math.max(1, total);
        int filled = (int) Math.min(WIDTH, done * WIDTH / whole);
        return String.format("%-9s [%s%s] %3d%% %,d/%,d events  %,d events/s%s", state, "#".repeat(filled),
                " ".repeat(WIDTH - filled), Math.min(100, done * 100 / whole), done, total, perSecond,
                tail.isEmpty() ? "" : "  " + tail);
    }
}
