package io.jlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jlint.cli.Main;
import io.jlint.engine.Category;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF output is valid against the official SARIF 2.1.0 schema (../shared/schemas). */
class SarifSchemaTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("jlint.shared", "../shared"), "schemas", "sarif-schema-2.1.0.json");
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    static void assertValid(String sarif) throws IOException {
        JsonNode doc = JSON.readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), "schema violations: " + errors + "\n" + sarif);
        assertEquals("2.1.0", doc.get("version").asText());
    }

    @Test
    void schemaCatchesAnInvalidDocument() throws IOException {
        // guards the test itself: a validator that accepts everything would make the other tests worthless
        JsonNode bad = JSON.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": [{\"level\": \"loud\"}]}]}");
        assertTrue(!schema.validate(bad).isEmpty());
    }

    @Test
    void syntheticReportWithFixesAndImageFindings() throws IOException {
        assertValid(ReportersTest.render("sarif", SampleReport.report()));
    }

    @Test
    void emptyReport() throws IOException {
        assertValid(ReportersTest.render("sarif", new Report(List.of(), SampleReport.RULES)));
        assertValid(ReportersTest.render("sarif", new Report(List.of(), List.of())));
    }

    @Test
    void syntheticImageResult() throws IOException {
        Finding config = new Finding("JL002", Category.ROOT_USER, Severity.WARNING, "runs as root",
                new Location.InImage(null, null), null);
        Finding layerOnly = new Finding("JL001", Category.IMAGE_SIZE, Severity.INFO, "wastes 1 MB",
                new Location.InImage(3, null), null);
        Finding file = new Finding("JL001", Category.SECURITY, Severity.ERROR, "private key",
                new Location.InImage(0, "/root/.ssh/id_rsa"), null);
        Report r = new Report(List.of(Result.image("/tmp/some dir/app.tar",
                Map.of("format", "oci", "layers", List.of()), List.of(config, layerOnly, file))), SampleReport.RULES);
        assertValid(ReportersTest.render("sarif", r));
    }

    private static String lint(Path dockerfile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"--format", "sarif", dockerfile.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertTrue(status == 0 || status == 1, "status " + status + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dockerfileWithFindings(@TempDir Path tmp) throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM alpine:3.20\nMAINTAINER me <me@example.com>\n"
                + "RUN apk add --no-cache curl\nUSER nobody\nCMD [\"curl\"]\n");
        String sarif = lint(df);
        assertValid(sarif);
        assertTrue(JSON.readTree(sarif).at("/runs/0/results").size() > 0, sarif);
    }

    @Test
    void dockerfileWithoutFindings(@TempDir Path tmp) throws IOException {
        Path df = Files.writeString(tmp.resolve("Dockerfile"), "FROM scratch\n");
        String sarif = lint(df);
        assertValid(sarif);
    }
}
