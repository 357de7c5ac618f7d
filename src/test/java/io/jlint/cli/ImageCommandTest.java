package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageCommandTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String image(String rel) {
        return Path.of(System.getProperty("jlint.shared", "../shared")).resolve("testimages").resolve(rel).toString();
    }

    @Test
    void jsonHasTheDesignedShape() throws Exception {
        Run r = run("image", image("dive/test-docker-image.tar"), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("jlint", root.path("tool").path("name").asText());
        JsonNode res = root.path("results").get(0);
        assertEquals("image", res.path("kind").asText());
        JsonNode img = res.path("image");
        assertEquals("docker-archive", img.path("format").asText());
        assertEquals("dive-test:latest", img.path("tags").get(0).asText());
        assertEquals("linux", img.path("os").asText());
        assertEquals("amd64", img.path("architecture").asText());
        assertEquals("", img.path("user").asText());
        assertTrue(img.path("entrypoint").isNull());
        assertEquals("sh", img.path("cmd").get(0).asText());
        JsonNode l0 = img.path("layers").get(0);
        for (String f : new String[] {"index", "diffId", "digest", "size", "files", "createdBy", "wastedBytes"}) {
            assertTrue(l0.has(f), f);
        }
        assertEquals(14, img.path("layers").size());
        assertEquals(1470464, img.path("totalSize").asLong());
        assertEquals(1220598, img.path("fileBytes").asLong());
        assertEquals(32025, img.path("wastedBytes").asLong());
        assertEquals(1.0 - 32025.0 / 1220598.0, img.path("efficiency").asDouble(), 1e-15);
        JsonNode dive = img.path("dive");
        assertEquals(0.9844212134184309, dive.path("efficiency").asDouble());
        assertEquals(32025, dive.path("wastedBytes").asLong());
        assertEquals(0.4834911001404049, dive.path("wastedUserPercent").asDouble());
        assertTrue(img.path("wastedFiles").size() > 0);
        assertEquals(0, res.path("findings").size());
    }

    @Test
    void undefinedDivePercentIsNull() throws Exception {
        Run r = run("image", image("ggcr/v1_mutate__whiteout_dir.tar"), "--format", "json");
        assertEquals(0, r.status(), r.err());
        JsonNode img = new ObjectMapper().readTree(r.out()).path("results").get(0).path("image");
        assertTrue(img.path("dive").has("wastedUserPercent"));
        assertTrue(img.path("dive").path("wastedUserPercent").isNull());
    }

    @Test
    void ttyShowsLayersTotalsConfigAndWaste() {
        Run r = run("image", image("buildah/docker-archive/bb-wasted.tar"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("CREATED BY"), r.out());
        assertTrue(r.out().contains("2.0 MiB  /opt/payload/blob.bin  (layer 1, overwritten or deleted in layer 2)"),
                r.out());
        assertTrue(r.out().contains("user         (unset: root)"), r.out());
        assertTrue(r.out().contains("efficiency 48.59 %"), r.out());
    }

    @Test
    void imageAndPlatformOptions() {
        Run r = run("image", image("ggcr/v1_tarball__test_bundle.tar"), "--image", "test_image_1", "--format", "json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\"test_image_1\""));
        assertTrue(!r.out().contains("\"test_image_2\""));
        Run bad = run("image", image("ggcr/v1_tarball__test_bundle.tar"), "--platform", "linux");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("expected os/arch"), bad.err());
    }

    @Test
    void badInputExitsTwoWithoutStackTrace() {
        Run r = run("image", image("ggcr/v1_tarball__null_manifest.tar"));
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jlint: "), r.err());
        assertTrue(r.err().contains("manifest.json is null"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
        Run bomb = run("image", image("buildah/docker-archive/bb-wasted.tar"), "--max-layer-size", "1M");
        assertEquals(2, bomb.status());
        assertTrue(bomb.err().contains("exceeds 1048576 bytes"), bomb.err());
        assertEquals(2, run("image", image("dive/test-docker-image.tar"), "--max-layer-size", "lots").status());
    }

    @Test
    void sizes() {
        assertEquals(32L << 30, ImageCommand.parseSize("32G"));
        assertEquals(512L << 20, ImageCommand.parseSize("512MiB"));
        assertEquals(1000, ImageCommand.parseSize("1000"));
    }
}
