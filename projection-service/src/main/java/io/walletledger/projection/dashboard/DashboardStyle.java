package io.walletledger.projection.dashboard;

/** The page's styles, inline so the page needs nothing but itself and its script. */
final class DashboardStyle {

    static final String CSS = """
            :root { --ink: #1d2430; --muted: #647084; --line: #e3e7ee; --card: #ffffff; --bg: #f4f6f9;
                    --accent: #2f6fde; --good: #1c7c4d; --warn: #b26a00; --bad: #b3261e; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                   color: var(--ink); background: var(--bg); }
            header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding: 16px 28px;
                     background: var(--card); border-bottom: 1px solid var(--line); }
            header > div { flex: 1 1 320px; }
            h1 { margin: 0; font-size: 20px; font-weight: 600; }
            h2 { margin: 0 0 10px; font-size: 15px; font-weight: 600; }
            h2 small { font-weight: 400; color: var(--muted); margin-left: 6px; }
            .meta { margin: 2px 0 0; color: var(--muted); }
            .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
            .controls { display: flex; gap: 10px; align-items: center; color: var(--muted); }
            .controls input, .controls select, .controls button { font: inherit; padding: 4px 8px;
                     border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
            .controls button { background: var(--accent); border-color: var(--accent); color: #fff; cursor: pointer; }
            .refresh { color: var(--muted); font-size: 12px; white-space: nowrap; }
            .refresh::before { content: ""; display: inline-block; width: 8px; height: 8px; margin-right: 6px;
                     border-radius: 50%; background: var(--good); }
            .refresh.stale::before { background: var(--bad); }
            main { max-width: 1240px; margin: 0 auto; padding: 20px 28px 40px; }
            section { margin-bottom: 22px; }
            .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; }
            .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .value { margin-top: 4px; font-size: 19px; font-weight: 600; font-variant-numeric: tabular-nums;
                     white-space: nowrap; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
            figure { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                     padding: 12px 14px 6px; }
            figcaption { font-weight: 600; margin-bottom: 6px; }
            svg.chart { width: 100%; height: auto; display: block; }
            svg .bar { fill: var(--accent); }
            svg .bar:hover { fill: #1b4fa8; }
            svg .grid { stroke: var(--line); stroke-width: 1; }
            svg .axis { stroke: #aab3c2; stroke-width: 1; }
            svg .tick { fill: var(--muted); font-size: 11px; }
            svg .axis-title { fill: var(--muted); font-size: 11px; }
            table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line);
                    border-radius: 10px; overflow: hidden; }
            th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; }
            th { background: #f9fafc; color: var(--muted); font-weight: 600; font-size: 12px; }
            tbody tr:last-child td { border-bottom: none; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.mono, td.time { white-space: nowrap; }
            td.ref { color: var(--muted); max-width: 180px; overflow: hidden; text-overflow: ellipsis;
                     white-space: nowrap; }
            td.empty { color: var(--muted); text-align: center; }
            .status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
                      background: #eef1f6; color: var(--muted); }
            .status-CAPTURED { background: #e3f4ea; color: var(--good); }
            .status-PARTIALLY_REFUNDED, .status-REFUNDED { background: #fff2dc; color: var(--warn); }
            .status-CANCELED, .status-EXPIRED { background: #fbe6e4; color: var(--bad); }
            .status-AUTHORIZED { background: #e6eefc; color: var(--accent); }
            """;

    private DashboardStyle() {
    }
}
