package io.jlint.report;

import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.Severity;
import java.io.IOException;
import java.io.Writer;
import org.fusesource.jansi.Ansi;

/**
 * One line per finding, {@code path:line:col: severity [ID] message} (image findings:
 * {@code archive: severity [ID] message (layer N: /file)}), the form editors and pre-commit show. An image is
 * introduced by one summary line ({@code archive: image TAG (format, platform): N layers, size, wasted …, runs as
 * …}). Colour (through jansi's escape-sequence builder only, no console detection) when asked for. Loads no JSON
 * library.
 */
public final class TtyReporter implements Reporter {

    private final boolean color;

    public TtyReporter(boolean color) {
        this.color = color;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Result r : report.results()) {
            if (r.image() instanceof io.jlint.image.ImageSummary img) {
                out.write(imageLine(r.path(), img));
                out.write('\n');
            }
            for (Finding f : r.findings()) {
                out.write(line(r.path(), f));
                out.write('\n');
            }
        }
        out.flush();
    }

    /** The summary line of an image, without the newline. */
    public String imageLine(String path, io.jlint.image.ImageSummary img) {
        String where = color ? Ansi.ansi().bold().a(path).reset().toString() : path;
        String user = img.user() == null || img.user().isEmpty() ? "root (no user set)" : img.user();
        return where + ": image " + (img.tags().isEmpty() ? "" : img.tags().get(0) + " ") + "(" + img.format() + ", "
                + MarkdownReporter.platform(img) + "): " + img.layers().size()
                + (img.layers().size() == 1 ? " layer, " : " layers, ") + io.jlint.image.ImageText.human(img.totalSize())
                + ", wasted " + io.jlint.image.ImageText.human(img.wastedBytes()) + " (efficiency "
                + MarkdownReporter.percent(img.efficiency()) + "), runs as " + user;
    }

    /** One finding's line, without the newline. */
    public String line(String path, Finding f) {
        StringBuilder sb = new StringBuilder();
        Span s = Where.span(f);
        String where = s != null ? path + ":" + s.startLine() + ":" + s.startColumn() : path;
        sb.append(color ? Ansi.ansi().bold().a(where).reset().toString() : where).append(": ");
        sb.append(severity(f.severity())).append(' ');
        sb.append(color ? Ansi.ansi().fgBrightBlack().a("[" + f.rule() + "]").reset().toString() : "[" + f.rule() + "]");
        sb.append(' ').append(oneLine(f.message()));
        if (f.location() instanceof Location.InImage img) {
            sb.append(" (").append(Where.image(img)).append(')');
        }
        return sb.toString();
    }

    private String severity(Severity s) {
        if (!color) {
            return s.id();
        }
        Ansi a = Ansi.ansi();
        a = switch (s) {
            case ERROR -> a.fgBrightRed().bold();
            case WARNING -> a.fgYellow().bold();
            case INFO -> a.fgCyan();
            case STYLE -> a.fgBrightBlack();
        };
        return a.a(s.id()).reset().toString();
    }

    /** Messages are one sentence, but never let a stray newline break the one-line-per-finding contract. */
    private static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
