package io.jlint.report;

import io.jlint.engine.Finding;
import io.jlint.engine.RuleInfo;
import java.io.IOException;
import java.io.Writer;

/**
 * Markdown (pull-request comments, job summaries): a summary line, then a table of findings per input.
 * Table cells are escaped so messages cannot break the table.
 */
public final class MarkdownReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# jlint report\n\n").append(capitalised(report.summaryLine())).append(".\n");
        for (Result r : report.results()) {
            sb.append("\n## ").append(inline(r.path())).append("\n\n");
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
