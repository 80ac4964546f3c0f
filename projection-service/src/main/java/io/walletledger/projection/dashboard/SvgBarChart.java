package io.walletledger.projection.dashboard;

import java.math.BigInteger;
import java.util.List;

/**
 * An inline SVG bar chart of amounts in minor units: a y axis with five round ticks, a label under
 * every {@code labelEvery}-th bar, and a {@code <title>} per bar for the tooltip. Geometry is whole
 * pixels of the view box; the browser scales the box to the page.
 */
final class SvgBarChart {

    /** One bar: its axis label, its tooltip and its value in minor units. */
    record Bar(String label, String tooltip, long value) {
    }

    private static final int WIDTH = 560;
    private static final int HEIGHT = 230;
    private static final int LEFT = 72;
    private static final int RIGHT = 10;
    private static final int TOP = 14;
    private static final int BOTTOM = 40;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int TICKS = 4;

    private SvgBarChart() {
    }

    static String render(String testId, String description, String currency, String xTitle, List<Bar> bars,
                         int labelEvery) {
        long step = step(bars.stream().mapToLong(Bar::value).max().orElse(0), currency);
        long top = Math.multiplyExact(step, TICKS);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" data-testid=\"").append(Html.escape(testId))
                .append("\" aria-label=\"").append(Html.escape(description)).append("\">");
        axes(svg, step, currency, xTitle);
        for (int i = 0; i < bars.size(); i++) {
            bar(svg, testId, i, bars.size(), bars.get(i), top, i % Math.max(1, labelEvery) == 0);
        }
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, long step, String currency, String xTitle) {
        for (int tick = 0; tick <= TICKS; tick++) {
            int y = TOP + PLOT_HEIGHT - tick * PLOT_HEIGHT / TICKS;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
                    .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\">").append(Html.escape(MoneyFormat.number(step * tick, currency)))
                    .append("</text>");
        }
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\"/>")
                .append("<text class=\"axis-title\" x=\"12\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(TOP + PLOT_HEIGHT / 2)
                .append(")\">gross (").append(Html.escape(currency)).append(")</text>")
                .append("<text class=\"axis-title\" x=\"").append(LEFT + PLOT_WIDTH / 2).append("\" y=\"")
                .append(HEIGHT - 4).append("\" text-anchor=\"middle\">").append(Html.escape(xTitle)).append("</text>");
    }

    private static void bar(StringBuilder svg, String testId, int index, int count, Bar bar, long top,
                            boolean labelled) {
        int slotStart = LEFT + index * PLOT_WIDTH / count;
        int slotEnd = LEFT + (index + 1) * PLOT_WIDTH / count;
        int gap = Math.max(1, (slotEnd - slotStart) / 5);
        int height = height(bar.value(), top);
        svg.append("<rect class=\"bar\" data-testid=\"").append(Html.escape(testId)).append("-bar-").append(index)
                .append("\" data-value=\"").append(bar.value())
                .append("\" x=\"").append(slotStart + gap / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT - height)
                .append("\" width=\"").append(Math.max(1, slotEnd - slotStart - gap)).append("\" height=\"")
                .append(height).append("\"><title>").append(Html.escape(bar.tooltip())).append("</title></rect>");
        if (labelled) {
            svg.append("<text class=\"tick\" x=\"").append((slotStart + slotEnd) / 2).append("\" y=\"")
                    .append(TOP + PLOT_HEIGHT + 14).append("\" text-anchor=\"middle\">")
                    .append(Html.escape(bar.label())).append("</text>");
        }
    }

    /** Pixels for a value on a plot whose top is {@code top}; a non-zero value stays visible. */
    static int height(long value, long top) {
        if (value <= 0) {
            return 0;
        }
        // In BigInteger because value × pixels can pass Long.MAX_VALUE for the largest amounts the ledger allows.
        int pixels = BigInteger.valueOf(value).multiply(BigInteger.valueOf(PLOT_HEIGHT))
                .divide(BigInteger.valueOf(top)).intValueExact();
        return Math.max(1, pixels);
    }

    /** A round tick step (1, 2 or 5 × 10^k minor units) so that four steps reach the largest bar. */
    static long step(long max, String currency) {
        if (max <= 0) {
            return BigInteger.TEN.pow(MoneyFormat.exponent(currency)).longValueExact();
        }
        long needed = (max + TICKS - 1) / TICKS;
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * magnitude >= needed) {
                    return factor * magnitude;
                }
            }
            magnitude = Math.multiplyExact(magnitude, 10);
        }
    }
}
