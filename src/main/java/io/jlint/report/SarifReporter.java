package io.jlint.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.Span;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (what GitHub code scanning and most CI dashboards read): one run; every known rule in
 * {@code tool.driver.rules}; one result per finding with its rule, level, message and location. Dockerfile
 * findings have a region (1-based lines and columns, end column exclusive, as SARIF defines it); image findings
 * name the archive as the artifact and the layer and file as a logical location. Fixes become SARIF
 * {@code fixes}; a stable {@code partialFingerprints} entry lets dashboards follow a finding across commits.
 */
public final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(Report report, Writer out) throws IOException {
        JsonGenerator g = Json.generator(out);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();

        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", Report.TOOL_NAME);
        g.writeStringField("version", Report.TOOL_VERSION);
        g.writeStringField("semanticVersion", Report.TOOL_VERSION);
        Map<String, Integer> ruleIndex = new HashMap<>();
        g.writeArrayFieldStart("rules");
        List<RuleInfo> rules = report.rules();
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo r = rules.get(i);
            ruleIndex.put(r.id(), i);
            g.writeStartObject();
            g.writeStringField("id", r.id());
            g.writeStringField("name", r.name());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", r.summary());
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(r.severity()));
            g.writeEndObject();
            g.writeObjectFieldStart("properties");
            g.writeStringField("category", r.category().id());
            g.writeStringField("severity", r.severity().id());
            g.writeArrayFieldStart("tags");
            g.writeString(r.category().id());
            g.writeEndArray();
            if (r.equivalents().length > 0) {
                g.writeArrayFieldStart("equivalents");
                for (String e : r.equivalents()) {
                    g.writeString(e);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();

        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeArrayFieldStart("results");
        Where.Fingerprints fingerprints = new Where.Fingerprints();
        for (Result r : report.results()) {
            String uri = uri(r.path());
            LineIndex lines = r.source() == null ? null : LineIndex.of(r.source());
            for (Finding f : r.findings()) {
                result(g, r, f, uri, lines, ruleIndex.get(f.rule()), fingerprints.of(r, f));
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        Json.finish(g, out);
    }

    private static void result(JsonGenerator g, Result r, Finding f, String uri, LineIndex lines, Integer ruleIndex,
                               String fingerprint) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        artifact(g, uri);
        if (f.location() instanceof Location.Source src) {
            region(g, src.span());
        }
        g.writeEndObject();
        if (f.location() instanceof Location.InImage img) {
            g.writeArrayFieldStart("logicalLocations");
            g.writeStartObject();
            g.writeStringField("name", img.file() != null ? img.file()
                    : img.layer() != null ? "layer " + img.layer() : "config");
            g.writeStringField("fullyQualifiedName", Where.image(img));
            g.writeStringField("kind", img.file() != null ? "resource" : "module");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("jlint/v1", fingerprint);
        g.writeEndObject();
        if (f.fix() != null) {
            g.writeArrayFieldStart("fixes");
            g.writeStartObject();
            g.writeObjectFieldStart("description");
            g.writeStringField("text", f.fix().description());
            g.writeEndObject();
            g.writeArrayFieldStart("artifactChanges");
            g.writeStartObject();
            artifact(g, uri);
            g.writeArrayFieldStart("replacements");
            for (Edit e : f.fix().edits()) {
                g.writeStartObject();
                g.writeObjectFieldStart("deletedRegion");
                if (lines != null) {
                    g.writeNumberField("startLine", lines.line(e.startOffset()));
                    g.writeNumberField("startColumn", lines.column(e.startOffset()));
                    g.writeNumberField("endLine", lines.line(e.endOffset()));
                    g.writeNumberField("endColumn", lines.column(e.endOffset()));
                }
                g.writeNumberField("charOffset", e.startOffset());
                g.writeNumberField("charLength", e.endOffset() - e.startOffset());
                g.writeEndObject();
                g.writeObjectFieldStart("insertedContent");
                g.writeStringField("text", e.replacement());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void artifact(JsonGenerator g, String uri) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri);
        g.writeEndObject();
    }

    private static void region(JsonGenerator g, Span s) throws IOException {
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", s.startLine());
        g.writeNumberField("startColumn", Math.max(1, s.startColumn()));
        int endLine = Math.max(s.startLine(), s.endLine());
        g.writeNumberField("endLine", endLine);
        int endColumn = Math.max(1, s.endColumn());
        if (endLine == s.startLine()) {
            endColumn = Math.max(endColumn, Math.max(1, s.startColumn()));
        }
        g.writeNumberField("endColumn", endColumn);
        g.writeEndObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }

    /**
     * A relative path stays a relative URI reference (forward slashes, percent-encoded), so results resolve
     * against the checkout; an absolute path becomes a {@code file:} URI.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        try {
            if (Path.of(path).isAbsolute()) {
                return Path.of(path).toUri().toASCIIString();
            }
        } catch (RuntimeException e) {
            // not a valid local path (e.g. the stdin name): treat as a relative reference below
        }
        int colon = p.indexOf(':');
        if (colon >= 0 && (p.indexOf('/') < 0 || colon < p.indexOf('/'))) {
            p = "./" + p; // "a:b" would read as a URI scheme
        }
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p;
        }
    }
}
