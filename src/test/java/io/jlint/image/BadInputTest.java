package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.engine.InputException;
import io.jlint.image.TestImages.LayerCompression;
import io.jlint.image.TestImages.Layout;
import io.jlint.image.TestImages.Tar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile archives: each is an InputException that names the archive and the entry or blob. */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path file(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static InputException fails(Path p) {
        return fails(p, ImageOptions.defaults());
    }

    private static InputException fails(Path p, ImageOptions o) {
        InputException e = assertThrows(InputException.class, () -> ImageAnalyzer.analyze(p, o));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        return e;
    }

    private static void assertContains(InputException e, String... parts) {
        for (String s : parts) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' not in: " + e.getMessage());
        }
    }

    private static TestImages.Image small() {
        return image().tag("t:1").layer(layer().dir("etc").file("etc/a", 3000).file("etc/b", "b"))
                .layer(layer().file("etc/a", 700));
    }

    @Test
    void truncatedAnywhereIsAnInputError() throws IOException {
        for (Layout layout : List.of(Layout.DOCKER_LEGACY, Layout.OCI_TAR)) {
            for (LayerCompression c : List.of(LayerCompression.NONE, LayerCompression.GZIP)) {
                Path whole = tmp.resolve("whole.tar");
                TestImages.write(small().compression(c), layout, whole);
                byte[] b = Files.readAllBytes(whole);
                ImageSummary full = ImageSummary.of(ImageAnalyzer.analyze(whole, ImageOptions.defaults()).get(0));
                for (int cut = 1; cut < b.length - 1024; cut += 97) {
                    Path p = file("cut-" + cut + ".tar", Arrays.copyOf(b, cut));
                    try {
                        ImageSummary s = ImageSummary.of(ImageAnalyzer.analyze(p, ImageOptions.defaults()).get(0));
                        // only a cut between two entries that leaves every needed entry whole may be read, and
                        // then it must read as the complete archive
                        assertEquals(0, cut % 512, "cut at " + cut + " of " + layout + "/" + c + " was accepted");
                        assertEquals(full, s);
                    } catch (InputException e) {
                        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
                    }
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void truncatedInAHeaderOrInData() throws IOException {
        Tar t = new Tar().entry("manifest.json", '0', 0644, "[]".getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("big", '0', 0644, new byte[5000], null, 0, 0);
        byte[] b = t.finish();
        assertContains(fails(file("h.tar", Arrays.copyOf(b, 1024 + 200))), "truncated in the header",
                "after entry 'manifest.json'");
        assertContains(fails(file("d.tar", Arrays.copyOf(b, 1024 + 512 + 100))), "truncated",
                "entry big");
    }

    @Test
    void truncatedCompressedLayer() throws IOException {
        byte[] layerTar = layer().file("a", TestImages.bytes(20000, 3), 0644).bytes();
        byte[] gz = TestImages.gzip(layerTar);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        String config = "{\"os\":\"linux\",\"architecture\":\"amd64\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + TestImages.sha256(layerTar) + "\"]},\"config\":{}}";
        Tar t = new Tar().entry("l.tar.gz", '0', 0644, cut, null, 0, 0)
                .entry("config.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("manifest.json", '0', 0644,
                        "[{\"config\":\"config.json\",\"layers\":[\"l.tar.gz\"]}]".getBytes(StandardCharsets.UTF_8),
                        null, 0, 0);
        assertContains(fails(file("tc.tar", t.finish())), "layer 0 (l.tar.gz)", "truncated");
    }

    /** Layers of 1 MiB and more are inflated on helper threads: their errors must arrive the same way. */
    @Test
    void bigCompressedLayerErrors() throws IOException {
        byte[] layerTar = layer().file("big", TestImages.bytes(3 << 20, 5), 0644).file("zeros", new byte[4 << 20],
                0644).bytes();
        byte[] gz = TestImages.gzip(layerTar);
        assertTrue(gz.length > ImageArchive.PIPELINE_FROM);
        String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + TestImages.sha256(layerTar)
                + "\"]},\"config\":{}}";
        for (int cut : new int[] {gz.length / 3, gz.length - 3}) {
            Tar t = new Tar().entry("l.tar.gz", '0', 0644, Arrays.copyOf(gz, cut), null, 0, 0)
                    .entry("config.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                    .entry("manifest.json", '0', 0644,
                            "[{\"config\":\"config.json\",\"layers\":[\"l.tar.gz\"]}]".getBytes(StandardCharsets.UTF_8),
                            null, 0, 0);
            assertContains(fails(file("big" + cut + ".tar", t.finish())), "layer 0 (l.tar.gz)");
        }
        Tar ok = new Tar().entry("l.tar.gz", '0', 0644, gz, null, 0, 0)
                .entry("config.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("manifest.json", '0', 0644,
                        "[{\"config\":\"config.json\",\"layers\":[\"l.tar.gz\"]}]".getBytes(StandardCharsets.UTF_8),
                        null, 0, 0);
        Path good = file("bigok.tar", ok.finish());
        ImageAnalysis a = ImageAnalyzer.analyze(good, ImageOptions.defaults()).get(0);
        assertEquals(TestImages.sha256(gz), a.layers().get(0).digest());
        assertEquals(layerTar.length, a.layers().get(0).size());
        assertContains(fails(good, ImageOptions.defaults().withMaxLayerSize(5 << 20)), "exceeds 5242880 bytes");
    }

    @Test
    void nullMissingAndBrokenManifests() throws IOException {
        assertContains(fails(file("n.tar", new Tar().entry("manifest.json", '0', 0644,
                "null".getBytes(StandardCharsets.UTF_8), null, 0, 0).finish())), "manifest.json is null");
        assertContains(fails(file("e.tar", new Tar().entry("manifest.json", '0', 0644,
                "[]".getBytes(StandardCharsets.UTF_8), null, 0, 0).finish())), "manifest.json lists no images");
        assertContains(fails(file("j.tar", new Tar().entry("manifest.json", '0', 0644,
                "[{\"Config\":".getBytes(StandardCharsets.UTF_8), null, 0, 0).finish())),
                "manifest.json is not valid JSON");
        assertContains(fails(file("p.tar", layer().file("etc/passwd", "root").bytes())),
                "a plain tar of files, not an image archive (no manifest.json, no index.json)");
    }

    @Test
    void missingBlobs() throws IOException {
        Path dir = tmp.resolve("oci");
        TestImages.Written w = TestImages.write(small().compression(LayerCompression.GZIP), Layout.OCI_DIR, dir);
        Files.delete(dir.resolve("blobs/sha256/" + TestImages.hex(w.layerDigests().get(1))));
        assertContains(fails(dir), "layer 1 (blobs/sha256/" + TestImages.hex(w.layerDigests().get(1)) + ")",
                "blob missing");

        Path dir2 = tmp.resolve("oci2");
        TestImages.Written w2 = TestImages.write(small(), Layout.OCI_DIR, dir2);
        Files.delete(dir2.resolve("blobs/sha256/" + TestImages.hex(w2.configDigest())));
        assertContains(fails(dir2), "blob blobs/sha256/" + TestImages.hex(w2.configDigest()) + " is missing");

        byte[] m = "[{\"Config\":\"c.json\",\"RepoTags\":[],\"Layers\":[]}]".getBytes(StandardCharsets.UTF_8);
        assertContains(fails(file("m.tar", new Tar().entry("manifest.json", '0', 0644, m, null, 0, 0).finish())),
                "config c.json (manifest.json image #0) is missing");
    }

    @Test
    void digestMismatches() throws IOException {
        Path dir = tmp.resolve("oci");
        TestImages.Written w = TestImages.write(small().compression(LayerCompression.GZIP), Layout.OCI_DIR, dir);
        Path blob = dir.resolve("blobs/sha256/" + TestImages.hex(w.layerDigests().get(0)));
        byte[] b = Files.readAllBytes(blob);
        b[9] ^= 1;       // the gzip header's OS byte: the layer still reads, the digest differs
        Files.write(blob, b);
        InputException e = fails(dir);
        assertContains(e, "layer 0", w.layerDigests().get(0), "digest mismatch");

        Path dir2 = tmp.resolve("oci2");
        TestImages.Written w2 = TestImages.write(small(), Layout.OCI_DIR, dir2);
        Path cfg = dir2.resolve("blobs/sha256/" + TestImages.hex(w2.configDigest()));
        String json = Files.readString(cfg).replace("\"amd64\"", "\"arm64\"");
        Files.writeString(cfg, json);
        assertContains(fails(dir2), "blob blobs/sha256/" + TestImages.hex(w2.configDigest()),
                "digest mismatch: the descriptor says " + w2.configDigest(), "the blob hashes to sha256:");

        Path dir3 = tmp.resolve("oci3");
        TestImages.Written w3 = TestImages.write(small(), Layout.OCI_DIR, dir3);
        Path cfg3 = dir3.resolve("blobs/sha256/" + TestImages.hex(w3.configDigest()));
        Files.writeString(cfg3, Files.readString(cfg3) + " ");
        assertContains(fails(dir3), "size " + (Files.size(cfg3)) + " differs from the descriptor's");
    }

    @Test
    void diffIdMismatch() throws IOException {
        String bogus = "sha256:" + "ab".repeat(32);
        Path p = tmp.resolve("d.tar");
        TestImages.Written w = TestImages.write(small().root(r -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                r.path("rootfs").path("diff_ids")).set(1, bogus)), Layout.DOCKER_LEGACY, p);
        assertContains(fails(p), "layer 1", "diff_id mismatch: the config says " + bogus,
                "the uncompressed layer hashes to " + w.diffIds().get(1));
    }

    @Test
    void layerCountDisagreesWithDiffIds() throws IOException {
        Path p = tmp.resolve("c.tar");
        TestImages.write(small().root(r -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                r.path("rootfs").path("diff_ids")).remove(1)), Layout.DOCKER_LEGACY, p);
        assertContains(fails(p), "lists 2 layers but its config", "has 1 diff_ids");
    }

    @Test
    void hostileArchiveEntries() throws IOException {
        byte[] layerTar = layer().file("a", 1).bytes();
        String config = "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + TestImages.sha256(layerTar)
                + "\"]},\"config\":{}}";
        Tar loop = new Tar()
                .entry("a/layer.tar", '2', 0777, null, "../b/layer.tar", 0, 0)
                .entry("b/layer.tar", '2', 0777, null, "../a/layer.tar", 0, 0)
                .entry("c.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("manifest.json", '0', 0644,
                        "[{\"Config\":\"c.json\",\"Layers\":[\"a/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8),
                        null, 0, 0);
        assertContains(fails(file("loop.tar", loop.finish())), "a/layer.tar", "symlink loop");

        Tar out = new Tar()
                .entry("a/layer.tar", '2', 0777, null, "../../etc/passwd", 0, 0)
                .entry("c.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("manifest.json", '0', 0644,
                        "[{\"Config\":\"c.json\",\"Layers\":[\"a/layer.tar\"]}]".getBytes(StandardCharsets.UTF_8),
                        null, 0, 0);
        assertContains(fails(file("out.tar", out.finish())), "a/layer.tar", "outside the archive");

        Tar traversal = new Tar()
                .entry("c.json", '0', 0644, config.getBytes(StandardCharsets.UTF_8), null, 0, 0)
                .entry("manifest.json", '0', 0644,
                        "[{\"Config\":\"c.json\",\"Layers\":[\"../../etc/passwd\"]}]".getBytes(StandardCharsets.UTF_8),
                        null, 0, 0);
        assertContains(fails(file("trav.tar", traversal.finish())), "../../etc/passwd", "climbs out");

        Tar entryOut = new Tar().entry("../escape", '0', 0644, new byte[1], null, 0, 0)
                .entry("manifest.json", '0', 0644, "[]".getBytes(StandardCharsets.UTF_8), null, 0, 0);
        assertContains(fails(file("eo.tar", entryOut.finish())), "entry ../escape climbs out");
    }

    @Test
    void notArchivesAtAll() throws IOException {
        assertContains(fails(file("empty.tar", new byte[0])), "empty file, not an image archive");
        assertContains(fails(file("random.bin", TestImages.bytes(4096, 42))),
                "not an image archive: neither a tar file nor an OCI layout directory");
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Files.writeString(dir.resolve("index.json"), "{}");
        assertContains(fails(dir), "a directory without an oci-layout file is not an OCI image layout");
        Path noIndex = Files.createDirectory(tmp.resolve("noindex"));
        Files.writeString(noIndex.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        assertContains(fails(noIndex), "an OCI layout directory without index.json");
        assertContains(fails(tmp.resolve("nope.tar")), "no such file");
        assertContains(fails(file("gz-random.gz", TestImages.gzip(TestImages.bytes(3000, 1)))),
                "a gzip-compressed file that is not a tar");
    }

    @Test
    void decompressionBombGuard() throws IOException {
        Path p = tmp.resolve("bomb.tar");
        TestImages.write(image().compression(LayerCompression.GZIP).layer(layer().file("zeros", new byte[200_000],
                0644)), Layout.OCI_TAR, p);
        InputException e = fails(p, ImageOptions.defaults().withMaxLayerSize(100_000));
        assertContains(e, "layer 0", "exceeds 100000 bytes", "--max-layer-size");
        assertEquals(1, ImageAnalyzer.analyze(p, ImageOptions.defaults().withMaxLayerSize(300_000)).size());
    }

    @Test
    void platformSelection() throws IOException {
        Path p = file("multi.tar", TestImages.multiPlatform(List.of(
                image().platform("linux", "arm64").layer(layer().file("arm", 1)),
                image().platform("linux", "s390x").layer(layer().file("s390x", 2)))));
        InputException e = fails(p, ImageOptions.defaults().withPlatform(new Platform("linux", "amd64", null)));
        assertContains(e, "no image for platform linux/amd64", "available: linux/arm64, linux/s390x", "--platform");
        ImageAnalysis a = ImageAnalyzer.analyze(p, ImageOptions.defaults().withPlatform(Platform.parse("linux/s390x")))
                .get(0);
        assertEquals("/s390x", a.tree().entries().get(0).path());
        assertEquals(List.of("multi"), a.image().tags());
        Path amd = file("multi2.tar", TestImages.multiPlatform(List.of(
                image().platform("linux", "arm64").layer(layer().file("arm", 1)),
                image().platform("linux", "amd64").layer(layer().file("amd", 2)))));
        ImageAnalysis host = ImageAnalyzer.analyze(amd, ImageOptions.defaults()
                .withPlatform(new Platform("linux", "amd64", null))).get(0);
        assertEquals("/amd", host.tree().entries().get(0).path());
    }
}
