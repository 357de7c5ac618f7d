package io.jlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * jlint's own JSON format (the shape DESIGN.md fixes): {@code tool}, {@code results[]} with each input's path,
 * kind, image summary (images) and findings, and a {@code summary}. Columns are 1-based; {@code endColumn} is
 * exclusive (the column just past the finding). A finding with a fix carries it: its description and edits (source
 * offsets, end exclusive, and the same as line/column positions).
 */
public final class JsonReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonGenerator g = Json.generator(out);
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", Report.TOOL_NAME);
        g.writeStringField("version", Report.TOOL_VERSION);
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (Result r : report.results()) {
            g.writeStartObject();
            g.writeStringField("path", r.path());
            g.writeStringField("kind", r.kind());
            if (r.image() != null) {
                g.writeFieldName("image");
                g.writeObject(r.image());
            }
            LineIndex lines = r.source() == null ? null : LineIndex.of(r.source());
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                finding(g, f, lines);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("files", report.results().size());
        g.writeNumberField("findings", report.findingCount());
        g.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Integer> e : report.bySeverity().entrySet()) {
            g.writeNumberField(e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        Json.finish(g, out);
    }

    private static void finding(JsonGenerator g, Finding f, LineIndex lines) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("category", f.category().id());
        g.writeStringField("severity", f.severity().id());
        if (f.location() instanceof Location.Source src) {
            Span s = src.span();
            g.writeNumberField("line", s.startLine());
            g.writeNumberField("column", s.startColumn());
            g.writeNumberField("endLine", s.endLine());
            g.writeNumberField("endColumn", s.endColumn());
        } else if (f.location() instanceof Location.InImage img) {
            if (img.layer() != null) {
                g.writeNumberField("layer", img.layer());
            }
            if (img.file() != null) {
                g.writeStringField("file", img.file());
            }
        }
        g.writeStringField("message", f.message());
        if (f.fix() != null) {
            g.writeObjectFieldStart("fix");
            g.writeStringField("description", f.fix().description());
            g.writeArrayFieldStart("edits");
            for (Edit e : f.fix().edits()) {
                g.writeStartObject();
                g.writeNumberField("startOffset", e.startOffset());
                g.writeNumberField("endOffset", e.endOffset());
                if (lines != null) {
                    g.writeNumberField("line", lines.line(e.startOffset()));
                    g.writeNumberField("column", lines.column(e.startOffset()));
                    g.writeNumberField("endLine", lines.line(e.endOffset()));
                    g.writeNumberField("endColumn", lines.column(e.endOffset()));
                }
                g.writeStringField("replacement", e.replacement());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
