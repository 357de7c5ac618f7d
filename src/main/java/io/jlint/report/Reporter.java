package io.jlint.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one output format. Implementations are stateless apart from their options. */
public interface Reporter {

    void write(Report report, Writer out) throws IOException;

    /**
     * The reporter for a format name; {@code color} only matters for {@code tty}. Each format's class (and the
     * libraries it needs, e.g. Jackson) is loaded only when that format is chosen.
     *
     * @throws IllegalArgumentException for an unknown format (see {@link #FORMATS})
     */
    static Reporter forFormat(String format, boolean color) {
        return switch (format) {
            case "tty" -> new TtyReporter(color);
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            case "checkstyle" -> new CheckstyleReporter();
            case "gitlab" -> new GitlabReporter();
            case "junit" -> new JunitReporter();
            case "markdown" -> new MarkdownReporter();
            case "html" -> new HtmlReporter();
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (known: "
                    + String.join(", ", FORMATS) + ")");
        };
    }

    /** The format names {@link #forFormat} knows. */
    java.util.List<String> FORMATS = java.util.List.of("tty", "json", "sarif", "checkstyle", "gitlab", "junit",
            "markdown", "html");
}
