package io.jlint.report;

import io.jlint.files.AtomicOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportersTest {

    private static final JsonMapper JSON = new JsonMapper();

    static String render(String format, Report report) throws IOException {
        StringWriter w = new StringWriter();
        Reporter.forFormat(format, false).write(report, w);
        return w.toString();
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ttyIsOneLinePerFinding() throws IOException {
        assertEquals("""
                Dockerfile:2:1: warning [JL001] apt lists are left in the layer
                Dockerfile:3:1: error [JL002] a <message> with | pipes & "quotes" and 'apostrophes'
                images/app.tar: info [JL001] apt lists left (layer 1: /var/lib/apt/lists/x)
                images/app.tar: style [JL002] config says so (image config)
                """, render("tty", SampleReport.report()));
        assertEquals("4 findings (1 error, 1 warning, 1 info, 1 style) in 3 files",
                SampleReport.report().summaryLine());
        assertEquals("no findings in 1 file", new Report(List.of(Result.dockerfile("D", "", List.of())),
                List.of()).summaryLine());
    }

    @Test
    void ttyColourOnlyWhenAsked() throws IOException {
        StringWriter w = new StringWriter();
        new TtyReporter(true).write(SampleReport.report(), w);
        assertTrue(w.toString().contains("\u001b["), "colour escapes");
        assertEquals(render("tty", SampleReport.report()), w.toString().replaceAll("\u001b\\[[0-9;]*m", ""));
        assertFalse(render("tty", SampleReport.report()).contains("\u001b"));
    }

    @Test
    void jsonHasTheDesignShape() throws IOException {
        JsonNode actual = JSON.readTree(render("json", SampleReport.report()));
        JsonNode expected = JSON.readTree("""
                {"tool": {"name": "jlint", "version": "%s"},
                 "results": [
                  {"path": "Dockerfile", "kind": "dockerfile", "findings": [
                    {"rule": "JL001", "category": "missing-cleanup", "severity": "warning", "line": 2, "column": 1,
                     "endLine": 2, "endColumn": 46, "message": "apt lists are left in the layer",
                     "fix": {"description": "remove the apt lists", "edits": [{"startOffset": 60, "endOffset": 60,
                       "line": 2, "column": 46, "endLine": 2, "endColumn": 46,
                       "replacement": " && rm -rf /var/lib/apt/lists/*"}]}},
                    {"rule": "JL002", "category": "maintainability", "severity": "error", "line": 3, "column": 1,
                     "endLine": 3, "endColumn": 14,
                     "message": "a <message> with | pipes & \\"quotes\\" and 'apostrophes'"}]},
                  {"path": "images/app.tar", "kind": "image",
                   "image": {"format": "docker-archive", "tags": ["app:1"], "entrypoint": null},
                   "findings": [
                    {"rule": "JL001", "category": "missing-cleanup", "severity": "info", "layer": 1,
                     "file": "/var/lib/apt/lists/x", "message": "apt lists left"},
                    {"rule": "JL002", "category": "maintainability", "severity": "style",
                     "message": "config says so"}]},
                  {"path": "clean.Dockerfile", "kind": "dockerfile", "findings": []}],
                 "summary": {"files": 3, "findings": 4,
                             "bySeverity": {"error": 1, "warning": 1, "info": 1, "style": 1}}}
                """.formatted(Report.TOOL_VERSION));
        assertEquals(expected, actual);
        assertEquals(SampleReport.SOURCE.indexOf("curl") + 4, 60, "the edit offset in the expectation");
    }

    @Test
    void sarifCarriesRulesResultsLocationsAndFixes() throws IOException {
        JsonNode run = JSON.readTree(render("sarif", SampleReport.report())).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(2, rules.size());
        assertEquals("sample-cleanup", rules.get(0).get("name").asText());
        assertEquals("warning", rules.get(0).at("/defaultConfiguration/level").asText());
        assertEquals("note", rules.get(1).at("/defaultConfiguration/level").asText());
        JsonNode results = run.get("results");
        assertEquals(4, results.size());
        JsonNode first = results.get(0);
        assertEquals("JL001", first.get("ruleId").asText());
        assertEquals(0, first.get("ruleIndex").asInt());
        assertEquals("Dockerfile", first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(JSON.readTree("{\"startLine\":2,\"startColumn\":1,\"endLine\":2,\"endColumn\":46}"),
                first.at("/locations/0/physicalLocation/region"));
        JsonNode replacement = first.at("/fixes/0/artifactChanges/0/replacements/0");
        assertEquals(60, replacement.at("/deletedRegion/charOffset").asInt());
        assertEquals(0, replacement.at("/deletedRegion/charLength").asInt());
        assertEquals(" && rm -rf /var/lib/apt/lists/*", replacement.at("/insertedContent/text").asText());
        assertEquals("error", results.get(1).get("level").asText(), "the finding's (overridden) severity");
        JsonNode image = results.get(2);
        assertEquals("note", image.get("level").asText());
        assertEquals("images/app.tar", image.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(image.at("/locations/0/physicalLocation/region").isMissingNode());
        assertEquals("layer 1: /var/lib/apt/lists/x",
                image.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("image config", results.get(3).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    }

    @Test
    void sarifUris() {
        assertEquals("sub%20dir/Dockerfile", SarifReporter.uri("sub dir/Dockerfile"));
        assertEquals("a/b/Dockerfile", SarifReporter.uri("a\\b\\Dockerfile"));
        assertEquals("file:///tmp/x%23y/Dockerfile", SarifReporter.uri("/tmp/x#y/Dockerfile"));
        assertEquals("./c:Dockerfile", SarifReporter.uri("c:Dockerfile"));
        assertEquals("-", SarifReporter.uri("-"));
    }

    @Test
    void checkstyleXml() throws Exception {
        Document d = xml(render("checkstyle", SampleReport.report()));
        NodeList files = d.getElementsByTagName("file");
        assertEquals(3, files.getLength());
        Element err = (Element) ((Element) files.item(0)).getElementsByTagName("error").item(1);
        assertEquals("3", err.getAttribute("line"));
        assertEquals("1", err.getAttribute("column"));
        assertEquals("error", err.getAttribute("severity"));
        assertEquals("jlint.JL002", err.getAttribute("source"));
        assertEquals("a <message> with | pipes & \"quotes\" and 'apostrophes'", err.getAttribute("message"));
        Element img = (Element) ((Element) files.item(1)).getElementsByTagName("error").item(0);
        assertFalse(img.hasAttribute("line"));
        assertEquals("info", img.getAttribute("severity"));
        assertEquals("layer 1: /var/lib/apt/lists/x: apt lists left", img.getAttribute("message"));
        assertEquals(0, ((Element) files.item(2)).getElementsByTagName("error").getLength());
    }

    @Test
    void junitXml() throws Exception {
        Document d = xml(render("junit", SampleReport.report()));
        Element root = d.getDocumentElement();
        assertEquals("5", root.getAttribute("tests"), "4 findings + 1 clean file");
        assertEquals("4", root.getAttribute("failures"));
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(5, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("Dockerfile", first.getAttribute("classname"));
        assertEquals("JL001 sample-cleanup at 2:1", first.getAttribute("name"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("warning", failure.getAttribute("type"));
        assertEquals("Dockerfile:2:1: warning [JL001] apt lists are left in the layer", failure.getTextContent());
        Element clean = (Element) cases.item(4);
        assertEquals("jlint", clean.getAttribute("name"));
        assertEquals(0, clean.getElementsByTagName("failure").getLength());
    }

    @Test
    void gitlabCodeQuality() throws IOException {
        JsonNode issues = JSON.readTree(render("gitlab", SampleReport.report()));
        assertEquals(4, issues.size());
        JsonNode first = issues.get(0);
        assertEquals("[JL001] apt lists are left in the layer", first.get("description").asText());
        assertEquals("JL001 sample-cleanup", first.get("check_name").asText());
        assertEquals("major", first.get("severity").asText());
        assertEquals("Dockerfile", first.at("/location/path").asText());
        assertEquals(2, first.at("/location/lines/begin").asInt());
        List<String> severities = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode i : issues) {
            severities.add(i.get("severity").asText());
            fingerprints.add(i.get("fingerprint").asText());
        }
        assertEquals(List.of("major", "critical", "minor", "info"), severities);
        assertEquals(4, fingerprints.size(), "unique");
        assertEquals("[JL001] layer 1: /var/lib/apt/lists/x: apt lists left", issues.get(2).get("description").asText());
    }

    @Test
    void gitlabFingerprintsAreStableAcrossRunsAndLineMoves() throws IOException {
        JsonNode a = JSON.readTree(render("gitlab", SampleReport.report()));
        JsonNode b = JSON.readTree(render("gitlab", SampleReport.report("# a new comment line\n\n", "Dockerfile")));
        JsonNode c = JSON.readTree(render("gitlab", SampleReport.report("", "other/Dockerfile")));
        for (int i = 0; i < 2; i++) {
            assertEquals(a.get(i).get("fingerprint"), b.get(i).get("fingerprint"));
            assertNotEquals(a.get(i).at("/location/lines/begin"), b.get(i).at("/location/lines/begin"));
            assertNotEquals(a.get(i).get("fingerprint"), c.get(i).get("fingerprint"), "path is part of it");
        }
    }

    @Test
    void markdownTables() throws IOException {
        assertEquals("""
                # jlint report

                4 findings (1 error, 1 warning, 1 info, 1 style) in 3 files.

                ## `Dockerfile`

                | Where | Severity | Rule | Message |
                | --- | --- | --- | --- |
                | 2:1 | warning | `JL001` sample-cleanup | apt lists are left in the layer |
                | 3:1 | error | `JL002` sample-style | a &lt;message&gt; with \\| pipes & "quotes" and 'apostrophes' |

                ## `images/app.tar`

                | Where | Severity | Rule | Message |
                | --- | --- | --- | --- |
                | layer 1: /var/lib/apt/lists/x | info | `JL001` sample-cleanup | apt lists left |
                | image config | style | `JL002` sample-style | config says so |

                ## `clean.Dockerfile`

                No findings.
                """, render("markdown", SampleReport.report()));
    }

    @Test
    void unknownFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reporter.forFormat("html5", false));
        assertTrue(e.getMessage().startsWith("unknown format 'html5' (known: tty, json"), e.getMessage());
    }

    @Test
    void xmlEscapesWhatXmlCannotCarry() {
        assertEquals("a&amp;b&lt;c&gt;&quot;&apos;&#10;\uFFFD\uFFFD\uD83D\uDE00", Xml.esc("a&b<c>\"'\n\u0001\uD800\uD83D\uDE00"));
    }

    @Test
    void atomicOutputReplacesWholeOrNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("report.json");
        Files.writeString(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        assertThrows(IOException.class, () -> AtomicOutput.write(out, os -> {
            os.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(out), "untouched on failure");
        AtomicOutput.write(out, os -> os.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(out));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        AtomicOutput.write(tmp.resolve("fresh.json"), os -> os.write('x'));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("fresh.json"))));
        try (var files = Files.list(tmp)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }
}
