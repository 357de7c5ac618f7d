package io.jlint.report;

import io.jlint.engine.Finding;
import io.jlint.engine.RuleInfo;
import io.jlint.image.ImageSummary;
import io.jlint.image.ImageText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Markdown (pull-request comments, job summaries): a summary line, then a table of findings per input. An image
 * also gets its audit: totals, a layer table like {@code docker history} with sizes and waste, the biggest wasted
 * files with the layers that wrote and removed them, and the config. Table cells are escaped so messages cannot
 * break the table.
 */
public final class MarkdownReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# jlint report\n\n").append(capitalised(report.summaryLine())).append(".\n");
        for (Result r : report.results()) {
            sb.append("\n## ").append(inline(r.path())).append("\n\n");
            if (r.image() instanceof ImageSummary img) {
                image(sb, img);
                sb.append("### Findings\n\n");
            }
            if (r.findings().isEmpty()) {
                sb.append("No findings.\n");
                continue;
            }
            sb.append("| Where | Severity | Rule | Message |\n| --- | --- | --- | --- |\n");
            for (Finding f : r.findings()) {
                RuleInfo info = report.rule(f.rule());
                sb.append("| ").append(cell(Where.position(f)))
                        .append(" | ").append(f.severity().id())
                        .append(" | `").append(f.rule()).append('`')
                        .append(info != null ? " " + cell(info.name()) : "")
                        .append(" | ").append(cell(f.message())).append(" |\n");
            }
        }
        out.write(sb.toString());
        out.flush();
    }

    /** The audit of one image: overview, layers, wasted files, config. */
    private static void image(StringBuilder sb, ImageSummary img) {
        sb.append("**").append(cell(img.format())).append("**");
        if (!img.tags().isEmpty()) {
            sb.append(" · ").append(code(String.join(", ", img.tags())));
        }
        sb.append(" · ").append(cell(platform(img))).append(" · ").append(img.layers().size())
                .append(img.layers().size() == 1 ? " layer" : " layers").append(" · runs as ")
                .append(img.user() == null || img.user().isEmpty() ? "root (no user set)" : code(img.user()))
                .append("\n\n");
        sb.append("| Total size | File bytes | Wasted | Efficiency | dive efficiency | dive wasted | dive wasted user |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
                .append("| ").append(ImageText.human(img.totalSize()))
                .append(" | ").append(ImageText.human(img.fileBytes()))
                .append(" | ").append(ImageText.human(img.wastedBytes()))
                .append(" | ").append(percent(img.efficiency()))
                .append(" | ").append(String.format(Locale.ROOT, "%.4f", img.dive().efficiency()))
                .append(" | ").append(ImageText.human(img.dive().wastedBytes()))
                .append(" | ").append(img.dive().wastedUserPercent() == null ? "n/a"
                        : percent(img.dive().wastedUserPercent())).append(" |\n\n");
        sb.append("### Layers\n\n| # | Size | Wasted | Files | Created by |\n| ---: | ---: | ---: | ---: | --- |\n");
        for (ImageSummary.Layer l : img.layers()) {
            sb.append("| ").append(l.index()).append(" | ").append(ImageText.human(l.size()))
                    .append(" | ").append(l.wastedBytes() == 0 ? "-" : ImageText.human(l.wastedBytes()))
                    .append(" | ").append(l.files()).append(" | ").append(code(shorten(l.createdBy(), 100)))
                    .append(" |\n");
        }
        sb.append('\n');
        if (!img.wastedFiles().isEmpty()) {
            sb.append("### Biggest wasted files\n\n| Size | Path | Written in | Removed in |\n")
                    .append("| ---: | --- | ---: | ---: |\n");
            for (ImageSummary.Wasted w : img.wastedFiles()) {
                sb.append("| ").append(ImageText.human(w.size())).append(" | ").append(code(w.path()))
                        .append(" | layer ").append(w.layer()).append(" | ")
                        .append(w.removedBy() == w.layer() ? "layer " + w.layer() + " (written twice)"
                                : "layer " + w.removedBy()).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("### Config\n\n| Key | Value |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : config(img).entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue().isEmpty() ? "-" : code(e.getValue()))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    /** The config entries worth showing, in a stable order (values as plain text). */
    static Map<String, String> config(ImageSummary img) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("user", img.user() == null ? "" : img.user());
        m.put("entrypoint", argv(img.entrypoint()));
        m.put("cmd", argv(img.cmd()));
        ImageSummary.Config c = img.config();
        if (c != null) {
            m.put("workdir", c.workingDir() == null ? "" : c.workingDir());
            m.put("env", String.join(" ", c.env()));
            if (!c.exposedPorts().isEmpty()) {
                m.put("ports", String.join(" ", c.exposedPorts()));
            }
            if (!c.volumes().isEmpty()) {
                m.put("volumes", String.join(" ", c.volumes()));
            }
            StringBuilder labels = new StringBuilder();
            c.labels().forEach((k, v) -> labels.append(labels.length() == 0 ? "" : " ").append(k).append('=').append(v));
            if (labels.length() > 0) {
                m.put("labels", labels.toString());
            }
            if (c.healthcheck() != null) {
                m.put("healthcheck", argv(c.healthcheck().test()));
            }
            if (c.stopSignal() != null) {
                m.put("stopsignal", c.stopSignal());
            }
            if (c.created() != null) {
                m.put("created", c.created());
            }
        }
        return m;
    }

    static String argv(List<String> l) {
        if (l == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("[");
        for (String s : l) {
            sb.append(sb.length() == 1 ? "" : ", ").append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append(']').toString();
    }

    static String platform(ImageSummary img) {
        return (img.os() == null ? "?" : img.os()) + "/" + (img.architecture() == null ? "?" : img.architecture())
                + (img.variant() == null || img.variant().isEmpty() ? "" : "/" + img.variant());
    }

    static String percent(double f) {
        return String.format(Locale.ROOT, "%.2f %%", f * 100);
    }

    static String shorten(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /** Inline code in a table cell: backticks (doubled when the text has one), pipes escaped, one line. */
    private static String code(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A path in a heading: in backticks (it may hold Markdown characters). */
    private static String inline(String s) {
        String t = s.replace('\n', ' ');
        return t.contains("`") ? "``" + t + "``" : "`" + t + "`";
    }

    private static String cell(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '|' -> sb.append("\\|");
                case '\n', '\r' -> sb.append(' ');
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '*', '_', '`', '[', ']' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
