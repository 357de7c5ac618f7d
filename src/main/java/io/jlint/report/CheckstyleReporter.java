package io.jlint.report;

import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import java.io.IOException;
import java.io.Writer;

/**
 * Checkstyle XML (read by Jenkins warnings-ng, reviewdog, many CI plugins): one {@code <file>} per input, one
 * {@code <error>} per finding with {@code source="jlint.ID"}. Checkstyle has no "style" level: style findings
 * are written as {@code info}. Image findings have no line; their layer and file lead the message.
 */
public final class CheckstyleReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        out.write(Xml.HEADER);
        out.write("<checkstyle version=\"4.3\">\n");
        for (Result r : report.results()) {
            out.write("  <file name=\"" + Xml.esc(r.path()) + "\">\n");
            for (Finding f : r.findings()) {
                StringBuilder sb = new StringBuilder("    <error");
                Span s = Where.span(f);
                String message = f.message();
                if (s != null) {
                    sb.append(" line=\"").append(s.startLine()).append("\" column=\"").append(s.startColumn())
                            .append('"');
                } else {
                    message = Where.image((Location.InImage) f.location()) + ": " + message;
                }
                String severity = switch (f.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO, STYLE -> "info";
                };
                sb.append(" severity=\"").append(severity).append('"');
                sb.append(" message=\"").append(Xml.esc(message)).append('"');
                sb.append(" source=\"jlint.").append(Xml.esc(f.rule())).append("\"/>\n");
                out.write(sb.toString());
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
        out.flush();
    }
}
