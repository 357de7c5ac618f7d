package io.jlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jlint.engine.Config;
import io.jlint.image.ImageLint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real image audits in the machine formats and Markdown: SARIF valid against the schema, Markdown tables. */
class ImageReportsTest {

    static Report dive() {
        List<Result> results = new ArrayList<>(ImageLint.lint(HtmlReporterTest.shared("dive/test-docker-image.tar"),
                Config.defaults()));
        return Report.of(results);
    }

    @Test
    void sarifOfARealImageIsValid() throws Exception {
        SarifSchemaTest.loadSchema();
        String sarif = ReportersTest.render("sarif", dive());
        SarifSchemaTest.assertValid(sarif);
        JsonNode r = new JsonMapper().readTree(sarif).at("/runs/0/results");
        assertEquals(10, r.size());
        assertEquals("JL1401", r.get(0).path("ruleId").asText());
        assertEquals("image config", r.get(0).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals("layer 3", r.get(1).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        assertTrue(r.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText()
                .endsWith("testimages/dive/test-docker-image.tar"));
    }

    @Test
    void markdownAuditOfAnImage() throws Exception {
        String md = ReportersTest.render("markdown", dive());
        assertTrue(md.contains("**docker-archive** · `dive-test:latest` · linux/amd64 · 14 layers · runs as root"
                + " (no user set)\n"), md);
        assertTrue(md.contains("| 1.4 MiB | 1.2 MiB | 31.3 KiB | 97.38 % | 0.9844 | 31.3 KiB | 48.35 % |\n"), md);
        assertTrue(md.contains("| 9 | 2.0 KiB | - | 2 | `/bin/sh -c rm -rf /root/example/` |\n"), md);
        assertTrue(md.contains("| 6.3 KiB | `/root/example/somefile2.txt` | layer 5 | layer 9 |\n"), md);
        assertTrue(md.contains("| cmd | `[\"sh\"]` |\n"), md);
        assertTrue(md.contains("### Findings\n\n| Where | Severity | Rule | Message |\n"), md);
        assertTrue(md.contains("| layer 9 | warning | `JL1202` deletion-only-layer |"), md);
    }

    @Test
    void ttyIntroducesAnImageWithOneSummaryLine() throws Exception {
        String tty = ReportersTest.render("tty", dive());
        String first = tty.substring(0, tty.indexOf('\n'));
        assertTrue(first.endsWith("test-docker-image.tar: image dive-test:latest (docker-archive, linux/amd64): 14"
                + " layers, 1.4 MiB, wasted 31.3 KiB (efficiency 97.38 %), runs as root (no user set)"), first);
        assertEquals(11, tty.lines().count());
    }
}
