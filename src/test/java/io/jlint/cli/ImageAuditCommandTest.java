package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jlint image in every format, with its options; image inputs of jlint lint; .jlint.yaml and .dive-ci. */
class ImageAuditCommandTest {

    static String image(String rel) {
        return ImageCommandTest.image(rel);
    }

    @Test
    void everyFormat() throws Exception {
        for (String f : new String[] {"tty", "json", "sarif", "markdown", "html", "checkstyle", "gitlab", "junit"}) {
            Cli r = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "--format", f);
            assertEquals(1, r.status(), f + ": " + r.err());
            assertTrue(r.out().contains("JL1202"), f + ": " + r.out());
        }
        Cli tty = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"));
        assertTrue(tty.out().contains("findings\n  " + image("buildah/docker-archive/bb-wasted.tar")
                + ": warning [JL1401]"), tty.out());
        assertTrue(tty.err().contains("jlint: 2 findings (2 warnings) in 1 file"), tty.err());
        Cli clean = Cli.run("image", image("buildah/docker-archive/bb-good.tar"));
        assertEquals(0, clean.status(), clean.err());
        assertTrue(clean.out().endsWith("findings: none\n"), clean.out());
        Cli bad = Cli.run("image", image("buildah/docker-archive/bb-good.tar"), "--format", "pdf");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown format 'pdf'"), bad.err());
    }

    @Test
    void outputFileFailOnIgnoreAndSeverity(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("audit.html");
        Cli r = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "-f", "html", "-o", out.toString(),
                "--fail-on", "error");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).contains("<h3>Layer sizes</h3>"));
        Cli ignored = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "--ignore", "JL1401",
                "--ignore", "deletion-only-layer", "-f", "json");
        assertEquals(0, ignored.status(), ignored.err());
        Cli raised = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "--severity", "JL1401=error",
                "--fail-on", "error", "-f", "json");
        assertEquals(1, raised.status());
        assertTrue(raised.out().contains("\"severity\" : \"error\"") || raised.out().contains("\"severity\": \"error\""),
                raised.out());
        Cli unknown = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "--ignore", "JL9999");
        assertEquals(2, unknown.status());
        Cli over = Cli.run("image", image("buildah/docker-archive/bb-wasted.tar"), "-o",
                image("buildah/docker-archive/bb-wasted.tar"));
        assertEquals(2, over.status());
        assertTrue(over.err().contains("refusing to overwrite"), over.err());
    }

    @Test
    void configAndDiveCiNextToTheImage(@TempDir Path tmp) throws Exception {
        Path img = tmp.resolve("bb-wasted.tar");
        Files.copy(Path.of(image("buildah/docker-archive/bb-wasted.tar")), img, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(tmp.resolve(".jlint.yaml"), "image:\n  lowestEfficiency: 0.9\nignore: [JL1401]\n");
        Cli r = Cli.run("image", img.toString(), "-f", "json");
        JsonNode findings = new ObjectMapper().readTree(r.out()).at("/results/0/findings");
        assertEquals(2, findings.size(), r.out());
        assertEquals("JL1601", findings.get(0).path("rule").asText());
        assertTrue(findings.get(0).path("message").asText().startsWith("Efficiency 0.4859 is below"
                + " image.lowestEfficiency 0.9000"), findings.get(0).toString());
        Files.writeString(tmp.resolve(".dive-ci"), "rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 1MB\n"
                + "  highestUserWastedPercent: disabled\n");
        Cli both = Cli.run(img.toString(), "-f", "json");
        JsonNode f2 = new ObjectMapper().readTree(both.out()).at("/results/0/findings");
        assertEquals(4, f2.size(), both.out());
        assertTrue(both.out().contains("dive's efficiency 0.4859"), both.out());
        assertTrue(both.out().contains("dive's wasted bytes 2097152 are above highestWastedBytes 1000000"),
                both.out());
        Files.writeString(tmp.resolve(".dive-ci"), "rules:\n  lowestEfficiency: 95\n");
        Cli broken = Cli.run("image", img.toString());
        assertEquals(2, broken.status());
        assertTrue(broken.err().contains(".dive-ci:2:"), broken.err());
    }

    @Test
    void lintSummarisesImagesAndMixesFormats(@TempDir Path tmp) throws Exception {
        Path df = tmp.resolve("Dockerfile");
        Files.writeString(df, "FROM alpine:3.20\nMAINTAINER me\nUSER nobody\n");
        Cli r = Cli.run(image("buildah/docker-archive/bb-wasted.tar"), df.toString());
        assertEquals(1, r.status(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].endsWith("bb-wasted.tar: image localhost/bb-wasted:latest (docker-archive, linux/amd64): 3"
                + " layers, 4.0 MiB, wasted 2.0 MiB (efficiency 48.59 %), runs as root (no user set)"), lines[0]);
        assertTrue(lines[1].contains(": warning [JL1401]"), lines[1]);
        assertTrue(r.out().contains("Dockerfile:2:1: warning [JL901]"), r.out());
        Path html = tmp.resolve("r.html");
        Cli h = Cli.run(image("buildah/docker-archive/bb-wasted.tar"), df.toString(), "-f", "html", "-o",
                html.toString());
        assertEquals(1, h.status(), h.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<h3>Wasted bytes by layer</h3>") && page.contains("MAINTAINER me"), page);
        assertFalse(page.contains("<script"));
    }

    @Test
    void progressBarLine() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ProgressBar bar = ProgressBar.to(new java.io.PrintStream(bytes, true), "app.tar");
        java.util.List<io.jlint.image.LayerRef> layers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layers.add(new io.jlint.image.LayerRef(i, "l" + i, null, -1, null, null));
        }
        bar.start(new io.jlint.image.ImageRef(0, "docker-archive", java.util.List.of(), "c", "d", null, layers, null),
                2048);
        bar.read(0, 1024);
        bar.layerDone(0);
        assertEquals("jlint: app.tar [##############--------------]  50 % 1.0 KiB / 2.0 KiB, layers 1/4", bar.line());
        bar.finish();
        assertEquals("", bytes.toString(), "nothing drawn before the delay, nothing to erase");
    }

    @Test
    void progressBarOnlyOnATerminal() {
        assertEquals(null, ProgressBar.forImage("x", true), "tests do not run on the process's own stderr");
        assertEquals(null, ProgressBar.forImage("x", false));
    }
}
