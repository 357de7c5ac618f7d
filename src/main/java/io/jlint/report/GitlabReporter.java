package io.jlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.RuleInfo;
import java.io.IOException;
import java.io.Writer;

/**
 * GitLab code quality report (the {@code artifacts:reports:codequality} JSON array): description, check name,
 * a fingerprint that survives unrelated edits (see {@link Where.Fingerprints}), severity
 * (error → critical, warning → major, info → minor, style → info) and location path and line. Image findings
 * are placed on line 1 of the archive, their layer and file leading the description.
 */
public final class GitlabReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonGenerator g = Json.generator(out);
        Where.Fingerprints fingerprints = new Where.Fingerprints();
        g.writeStartArray();
        for (Result r : report.results()) {
            for (Finding f : r.findings()) {
                RuleInfo info = report.rule(f.rule());
                Span s = Where.span(f);
                String description = "[" + f.rule() + "] " + (s == null
                        ? Where.image((Location.InImage) f.location()) + ": " : "") + f.message();
                g.writeStartObject();
                g.writeStringField("description", description);
                g.writeStringField("check_name", info != null ? f.rule() + " " + info.name() : f.rule());
                g.writeStringField("fingerprint", fingerprints.of(r, f));
                g.writeStringField("severity", switch (f.severity()) {
                    case ERROR -> "critical";
                    case WARNING -> "major";
                    case INFO -> "minor";
                    case STYLE -> "info";
                });
                g.writeArrayFieldStart("categories");
                g.writeString(f.category().id());
                g.writeEndArray();
                g.writeObjectFieldStart("location");
                g.writeStringField("path", r.path());
                g.writeObjectFieldStart("lines");
                g.writeNumberField("begin", s != null ? s.startLine() : 1);
                if (s != null) {
                    g.writeNumberField("end", Math.max(s.startLine(), s.endLine()));
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        Json.finish(g, out);
    }
}
