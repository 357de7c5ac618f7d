package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input and options give the same bytes; SOURCE_DATE_EPOCH dates what jlint makes up. */
class RewriteDeterminismTest {

    @TempDir
    Path tmp;

    private static final String OVERWRITE = "buildah/docker-archive/bb-overwrite.tar";
    private static final String OPAQUE_OCI = "buildah/oci-archive/bb-opaque.oci.tar";

    private static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void squashingTwiceGivesTheSameBytes() throws IOException {
        Path in = Shared.image(OVERWRITE);
        Path a = tmp.resolve("a.tar");
        Path b = tmp.resolve("b.tar");
        ImageRewriter.squash(in, a, new ImageRewriter.SquashRange(3, null), RewriteOptions.defaults());
        ImageRewriter.squash(in, b, new ImageRewriter.SquashRange(3, null), RewriteOptions.defaults());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        ImageVerifier.verify(in, null, a, Set.of());
    }

    @Test
    void rebuildingTwiceGivesTheSameBytesAlsoGzipAndZstd() throws IOException {
        Path in = Shared.image(OPAQUE_OCI);
        for (Compression c : new Compression[] {Compression.GZIP, Compression.ZSTD, Compression.NONE}) {
            RewriteOptions o = RewriteOptions.defaults().withFormat(RewriteOptions.Format.OCI).withCompression(c);
            Path a = tmp.resolve("a-" + c + ".tar");
            Path b = tmp.resolve("b-" + c + ".tar");
            RewriteReport r = ImageRewriter.rebuild(in, a, true, o);
            ImageRewriter.rebuild(in, b, true, o);
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), c.id());
            ImageVerifier.verify(in, null, a, r, Set.of());
        }
    }

    @Test
    void anOciLayoutDirectoryIsTheSameFileForFile() throws IOException {
        Path in = Shared.image("dive/test-docker-image.tar");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        RewriteOptions o = RewriteOptions.defaults().withFormat(RewriteOptions.Format.OCI).withTags(
                java.util.List.of("dive:squashed"));
        ImageRewriter.squash(in, a, new ImageRewriter.SquashRange(null, "5"), o);
        ImageRewriter.squash(in, b, new ImageRewriter.SquashRange(null, "5"), o);
        ImageVerifier.verify(in, null, a, Set.of());
        Map<String, byte[]> ta = tree(a);
        Map<String, byte[]> tb = tree(b);
        assertEquals(ta.keySet(), tb.keySet());
        for (String k : ta.keySet()) {
            assertArrayEquals(ta.get(k), tb.get(k), k);
        }
    }

    @Test
    void aGzipLayerHasAFixedHeader() throws IOException {
        Path in = Shared.image(OVERWRITE);
        Path out = tmp.resolve("oci");
        RewriteReport r = ImageRewriter.squash(in, out, ImageRewriter.SquashRange.all(),
                RewriteOptions.defaults().withFormat(RewriteOptions.Format.OCI));
        byte[] blob = Files.readAllBytes(out.resolve("blobs/sha256/" + r.layers().get(0).digest().substring(7)));
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff},
                java.util.Arrays.copyOf(blob, 10), "gzip header: no name, mtime 0, OS unknown");
        ImageVerifier.verify(in, null, out, r, Set.of());
    }

    @Test
    void sourceDateEpochDatesTheConfigAndTheNewHistoryEntry() throws IOException {
        Path in = Shared.image(OVERWRITE);
        Path plain = tmp.resolve("plain.tar");
        Path dated = tmp.resolve("dated.tar");
        ImageRewriter.squash(in, plain, new ImageRewriter.SquashRange(2, null), RewriteOptions.defaults());
        RewriteReport r = ImageRewriter.squash(in, dated, new ImageRewriter.SquashRange(2, null),
                RewriteOptions.defaults().withSourceDateEpoch(86400L));
        ImageVerifier.verify(in, null, dated, r, Set.of());
        JsonNode cfgPlain = config(plain);
        JsonNode cfg = config(dated);
        assertEquals("1970-01-02T00:00:00Z", cfg.path("created").asText());
        JsonNode h = cfg.path("history");
        assertEquals("1970-01-02T00:00:00Z", h.get(h.size() - 1).path("created").asText());
        assertEquals(SharedImagesTest.one(OVERWRITE).config().created(), cfgPlain.path("created").asText(),
                "without SOURCE_DATE_EPOCH the input's time stays");
        assertNotEquals(cfgPlain, cfg);
        assertEquals(r.layers().get(r.layers().size() - 1).diffId(),
                cfgPlain.path("rootfs").path("diff_ids").get(5).asText(), "the layers themselves do not change");
    }

    @Test
    void theConfigKeepsEverythingButRootfsAndHistory() throws IOException {
        Path in = Shared.image("buildah/docker-archive/bb-good.tar");
        Path out = tmp.resolve("good.tar");
        ImageRewriter.squash(in, out, ImageRewriter.SquashRange.all(), RewriteOptions.defaults());
        ImageVerifier.verify(in, null, out, Set.of());
        JsonNode before = new ObjectMapper().readTree(SharedImagesTest.one("buildah/docker-archive/bb-good.tar")
                .config().json());
        JsonNode after = config(out);
        for (String f : new String[] {"Env", "Cmd", "Entrypoint", "User", "WorkingDir", "Labels", "ExposedPorts",
            "Volumes", "Healthcheck", "StopSignal", "OnBuild"}) {
            assertEquals(before.path("config").path(f), after.path("config").path(f), f);
        }
        assertTrue(after.path("config").has("Healthcheck"));
        assertEquals(before.path("config"), after.path("config"));
        assertEquals(before.path("container_config"), after.path("container_config"));
        assertEquals(before.path("architecture"), after.path("architecture"));
        assertFalse(after.path("history").isEmpty());
        int nonEmpty = 0;
        for (JsonNode h : after.path("history")) {
            nonEmpty += h.path("empty_layer").asBoolean(false) ? 0 : 1;
        }
        assertEquals(1, nonEmpty);
        JsonNode last = after.path("history").get(after.path("history").size() - 1);
        assertTrue(last.path("created_by").asText().startsWith("jlint squash: layers 0-2 merged (3 layers)"),
                last.toString());
    }

    private static JsonNode config(Path archive) throws IOException {
        Map<String, byte[]> f = ImageVerifier.files(archive);
        JsonNode m = new ObjectMapper().readTree(f.get("manifest.json")).get(0);
        return new ObjectMapper().readTree(f.get(m.path("Config").asText()));
    }
}
