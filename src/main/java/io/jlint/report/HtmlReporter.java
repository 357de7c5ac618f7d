package io.jlint.report;

import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.ImageSummary;
import io.jlint.image.ImageText;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page (inline CSS and SVG, no script, nothing fetched from the network): the summary, then
 * per input its findings; an image also gets its audit: overview cards, a bar chart of layer sizes with the wasted
 * part of each layer, the layer table, the biggest wasted files, and the config. The markup is well-formed XML
 * (polyglot HTML5), every text escaped.
 */
public final class HtmlReporter implements Reporter {

    /** Width of the chart's bar area, in SVG units. */
    private static final int BAR_WIDTH = 560;
    private static final int ROW = 24;

    private static final String CSS = """
            :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --soft: #f6f8fa;
              --kept: #4c78a8; --waste: #e4572e; --error: #cf222e; --warning: #bf8700; --info: #0969da;
              --style: #6e7781; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial,
              sans-serif; color: var(--fg); background: var(--bg); }
            header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
            header { padding-top: 24px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 19px; margin: 32px 0 8px; padding-top: 16px; border-top: 1px solid var(--line);
              word-break: break-all; }
            h3 { font-size: 15px; margin: 22px 0 8px; }
            .summary { color: var(--muted); margin: 0 0 8px; }
            .kind { display: inline-block; font-size: 12px; font-weight: 600; text-transform: uppercase;
              letter-spacing: .04em; color: var(--muted); border: 1px solid var(--line); border-radius: 4px;
              padding: 0 6px; margin-right: 8px; vertical-align: 2px; }
            .badge { display: inline-block; min-width: 64px; text-align: center; font-size: 12px; font-weight: 600;
              color: #fff; border-radius: 10px; padding: 1px 8px; }
            .badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
            .badge.info { background: var(--info); } .badge.style { background: var(--style); }
            .counts .badge { margin-right: 6px; }
            .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
            .card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 128px;
              background: var(--soft); }
            .card .v { font-size: 18px; font-weight: 600; }
            .card .k { font-size: 12px; color: var(--muted); }
            .card.bad .v { color: var(--waste); }
            table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
            th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
            th { background: var(--soft); font-weight: 600; white-space: nowrap; }
            td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.where, td.rule { white-space: nowrap; }
            table.wasted { width: auto; min-width: 66%; }
            table.config th { width: 120px; }
            td.waste { color: var(--waste); }
            code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
            pre.src { margin: 4px 0 0; padding: 4px 8px; background: var(--soft); border-radius: 4px;
              white-space: pre-wrap; word-break: break-all; }
            .muted { color: var(--muted); }
            .none { color: var(--muted); font-style: italic; }
            svg.chart { display: block; max-width: 100%; height: auto; }
            svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
              fill: var(--fg); }
            svg.chart .kept { fill: var(--kept); } svg.chart .waste { fill: var(--waste); }
            svg.chart .grid { stroke: var(--line); }
            .legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; border-radius: 2px; }
            .legend .kept { background: var(--kept); margin-left: 0; } .legend .waste { background: var(--waste); }
            footer { color: var(--muted); font-size: 12px; padding: 32px 24px; }
            """;

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>jlint report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<header>\n<h1>jlint report</h1>\n<p class=\"summary\">").append(esc(capitalised(report.summaryLine())))
                .append(".</p>\n<p class=\"counts\">");
        for (Map.Entry<Severity, Integer> e : report.bySeverity().entrySet()) {
            sb.append("<span class=\"badge ").append(e.getKey().id()).append("\">").append(e.getValue()).append(' ')
                    .append(e.getKey().id()).append("</span>");
        }
        sb.append("</p>\n</header>\n<main>\n");
        for (Result r : report.results()) {
            sb.append("<section class=\"input\">\n<h2><span class=\"kind\">")
                    .append(Result.IMAGE.equals(r.kind()) ? "image" : "Dockerfile").append("</span>")
                    .append(esc(r.path())).append("</h2>\n");
            if (r.image() instanceof ImageSummary img) {
                image(sb, img);
                sb.append("<h3>Findings</h3>\n");
            }
            findings(sb, report, r);
            sb.append("</section>\n");
        }
        sb.append("</main>\n<footer>Made by ").append(Report.TOOL_NAME).append(' ').append(Report.TOOL_VERSION)
                .append(". This page is self-contained: it loads nothing from the network.</footer>\n</body>\n</html>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void findings(StringBuilder sb, Report report, Result r) {
        if (r.findings().isEmpty()) {
            sb.append("<p class=\"none\">No findings.</p>\n");
            return;
        }
        String[] lines = r.source() == null ? null : r.source().split("\r?\n|\r", -1);
        sb.append("<table class=\"findings\">\n<thead><tr><th>Where</th><th>Severity</th><th>Rule</th>")
                .append("<th>Message</th></tr></thead>\n<tbody>\n");
        for (Finding f : r.findings()) {
            RuleInfo info = report.rule(f.rule());
            sb.append("<tr><td class=\"where\">").append(esc(Where.position(f))).append("</td><td><span class=\"badge ")
                    .append(f.severity().id()).append("\">").append(f.severity().id()).append("</span></td>")
                    .append("<td class=\"rule\"><code>").append(esc(f.rule())).append("</code>");
            if (info != null) {
                sb.append("<br/><span class=\"muted\" title=\"").append(esc(info.summary())).append("\">")
                        .append(esc(info.name())).append("</span>");
            }
            sb.append("</td><td>").append(esc(f.message()));
            Span s = Where.span(f);
            if (s != null && lines != null) {
                String line = s.startLine() <= lines.length ? lines[s.startLine() - 1] : null;
                if (line != null) {
                    sb.append("<pre class=\"src\"><code>").append(esc(line)).append("</code></pre>");
                }
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void image(StringBuilder sb, ImageSummary img) {
        sb.append("<p class=\"muted\">").append(esc(img.format()));
        if (!img.tags().isEmpty()) {
            sb.append(" · <code>").append(esc(String.join(", ", img.tags()))).append("</code>");
        }
        sb.append(" · ").append(esc(MarkdownReporter.platform(img))).append("</p>\n<div class=\"cards\">\n");
        card(sb, String.valueOf(img.layers().size()), "layers", false);
        card(sb, ImageText.human(img.totalSize()), "total size", false);
        card(sb, ImageText.human(img.fileBytes()), "file bytes", false);
        card(sb, ImageText.human(img.wastedBytes()), "wasted", img.wastedBytes() > 0);
        card(sb, MarkdownReporter.percent(img.efficiency()), "efficiency", img.efficiency() < 0.9);
        card(sb, String.format(Locale.ROOT, "%.4f", img.dive().efficiency()), "dive efficiency", false);
        card(sb, img.dive().wastedUserPercent() == null ? "n/a" : MarkdownReporter.percent(img.dive().wastedUserPercent()),
                "dive wasted user", false);
        boolean root = img.user() == null || img.user().isEmpty() || img.user().startsWith("root")
                || img.user().equals("0") || img.user().startsWith("0:");
        card(sb, img.user() == null || img.user().isEmpty() ? "root" : img.user(), "runs as", root);
        sb.append("</div>\n<h3>Layer sizes</h3>\n");
        chart(sb, img);
        if (img.wastedBytes() > 0) {
            sb.append("<h3>Wasted bytes by layer</h3>\n");
            wasteChart(sb, img);
        }
        sb.append("<h3>Layers</h3>\n<table class=\"layers\">\n<thead><tr><th class=\"n\">#</th><th class=\"n\">Size</th>")
                .append("<th class=\"n\">Wasted</th><th class=\"n\">Files</th><th>Created by</th></tr></thead>\n<tbody>\n");
        for (ImageSummary.Layer l : img.layers()) {
            sb.append("<tr><td class=\"n\">").append(l.index()).append("</td><td class=\"n\">")
                    .append(ImageText.human(l.size())).append("</td><td class=\"n").append(l.wastedBytes() > 0 ? " waste" : "")
                    .append("\">").append(l.wastedBytes() == 0 ? "-" : ImageText.human(l.wastedBytes()))
                    .append("</td><td class=\"n\">").append(l.files()).append("</td><td><code>")
                    .append(esc(MarkdownReporter.shorten(l.createdBy(), 240))).append("</code></td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        sb.append("<h3>Biggest wasted files</h3>\n");
        if (img.wastedFiles().isEmpty()) {
            sb.append("<p class=\"none\">No wasted files: every file version a layer stores is in the final"
                    + " filesystem.</p>\n");
        } else {
            sb.append("<table class=\"wasted\">\n<thead><tr><th class=\"n\">Size</th><th>Path</th>")
                    .append("<th class=\"n\">Written in</th><th class=\"n\">Removed in</th></tr></thead>\n<tbody>\n");
            for (ImageSummary.Wasted w : img.wastedFiles()) {
                sb.append("<tr><td class=\"n waste\">").append(ImageText.human(w.size())).append("</td><td><code>")
                        .append(esc(w.path())).append("</code></td><td class=\"n\">layer ").append(w.layer())
                        .append("</td><td class=\"n\">").append(w.removedBy() == w.layer()
                                ? "layer " + w.layer() + " (written twice)" : "layer " + w.removedBy())
                        .append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
        }
        sb.append("<h3>Config</h3>\n<table class=\"config\">\n<tbody>\n");
        for (Map.Entry<String, String> e : MarkdownReporter.config(img).entrySet()) {
            String none = e.getKey().equals("user") ? "not set: root" : "-";
            sb.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                    .append(e.getValue().isEmpty() ? "<span class=\"muted\">" + none + "</span>"
                            : "<code>" + esc(e.getValue()) + "</code>").append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void card(StringBuilder sb, String value, String key, boolean bad) {
        sb.append("<div class=\"card").append(bad ? " bad" : "").append("\"><div class=\"v\">").append(esc(value))
                .append("</div><div class=\"k\">").append(esc(key)).append("</div></div>\n");
    }

    /** Horizontal bars, one per layer: its size on a linear scale, the wasted part drawn in the waste colour. */
    private static void chart(StringBuilder sb, ImageSummary img) {
        long max = 1;
        for (ImageSummary.Layer l : img.layers()) {
            max = Math.max(max, l.size());
        }
        int left = 48;
        int labelWidth = 220;
        int width = left + BAR_WIDTH + labelWidth;
        int height = ROW * img.layers().size() + 8;
        sb.append("<svg class=\"chart\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"Layer sizes and wasted bytes\">\n");
        sb.append("<line class=\"grid\" x1=\"").append(left).append("\" y1=\"0\" x2=\"").append(left)
                .append("\" y2=\"").append(height).append("\"/>\n");
        for (ImageSummary.Layer l : img.layers()) {
            int y = 4 + ROW * l.index();
            double scale = (double) BAR_WIDTH / max;
            long waste = Math.min(l.wastedBytes(), l.size());
            int total = l.size() == 0 ? 0 : (int) Math.max(2, Math.round(l.size() * scale));
            int wasted = waste == 0 ? 0 : (int) Math.max(2, Math.round(waste * scale));
            wasted = Math.min(wasted, total);
            sb.append("<g><title>").append(esc("layer " + l.index() + ": " + ImageText.human(l.size())
                    + (waste > 0 ? ", " + ImageText.human(l.wastedBytes()) + " wasted" : "") + " — "
                    + MarkdownReporter.shorten(l.createdBy(), 200))).append("</title>\n");
            sb.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">#").append(l.index()).append("</text>\n");
            if (total - wasted > 0) {
                sb.append("<rect class=\"kept\" x=\"").append(left).append("\" y=\"").append(y + 2).append("\" width=\"")
                        .append(total - wasted).append("\" height=\"").append(ROW - 8).append("\" rx=\"2\"/>\n");
            }
            if (wasted > 0) {
                sb.append("<rect class=\"waste\" x=\"").append(left + total - wasted).append("\" y=\"").append(y + 2)
                        .append("\" width=\"").append(wasted).append("\" height=\"").append(ROW - 8)
                        .append("\" rx=\"2\"/>\n");
            }
            sb.append("<text x=\"").append(left + total + 8).append("\" y=\"").append(y + 15).append("\">")
                    .append(esc(ImageText.human(l.size()) + (waste > 0 ? " (" + ImageText.human(l.wastedBytes())
                            + " wasted)" : ""))).append("</text>\n</g>\n");
        }
        sb.append("</svg>\n<p class=\"legend muted\"><span class=\"kept\"></span>bytes in the final filesystem")
                .append("<span class=\"waste\"></span>wasted: deleted or overwritten by a later layer (linear scale;")
                .append(" hover a bar for its step)</p>\n");
    }

    /** The layers that hold waste, each bar scaled to the largest waste, with the share of its layer. */
    private static void wasteChart(StringBuilder sb, ImageSummary img) {
        long max = 1;
        int rows = 0;
        for (ImageSummary.Layer l : img.layers()) {
            if (l.wastedBytes() > 0) {
                max = Math.max(max, l.wastedBytes());
                rows++;
            }
        }
        int left = 48;
        int width = left + BAR_WIDTH + 220;
        int height = ROW * rows + 8;
        sb.append("<svg class=\"chart\" role=\"img\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-label=\"Wasted bytes by layer\">\n<line class=\"grid\" x1=\"").append(left)
                .append("\" y1=\"0\" x2=\"").append(left).append("\" y2=\"").append(height).append("\"/>\n");
        int row = 0;
        for (ImageSummary.Layer l : img.layers()) {
            if (l.wastedBytes() == 0) {
                continue;
            }
            int y = 4 + ROW * row++;
            int w = (int) Math.max(2, Math.round((double) l.wastedBytes() * BAR_WIDTH / max));
            long pct = l.size() > 0 ? Math.min(100, Math.round(100.0 * l.wastedBytes() / l.size())) : -1;
            String share = pct < 0 ? "" : pct == 0 ? " (under 1 % of the layer)" : " (" + pct + " % of the layer)";
            sb.append("<g><title>").append(esc("layer " + l.index() + ": " + ImageText.human(l.wastedBytes())
                    + " wasted — " + MarkdownReporter.shorten(l.createdBy(), 200))).append("</title>\n")
                    .append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">#").append(l.index()).append("</text>\n")
                    .append("<rect class=\"waste\" x=\"").append(left).append("\" y=\"").append(y + 2)
                    .append("\" width=\"").append(w).append("\" height=\"").append(ROW - 8).append("\" rx=\"2\"/>\n")
                    .append("<text x=\"").append(left + w + 8).append("\" y=\"").append(y + 15).append("\">")
                    .append(esc(ImageText.human(l.wastedBytes()) + share)).append("</text>\n</g>\n");
        }
        sb.append("</svg>\n");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Escapes text for element content and attribute values; drops characters XML cannot carry. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('\uFFFD');
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            sb.append(c).append(s.charAt(++i));
                        } else {
                            sb.append('\uFFFD');
                        }
                    } else if (c == '\uFFFE' || c == '\uFFFF') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
