package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every archive in ../shared/testimages: analysed with its figures checked, or refused with a precise message. */
class SharedImagesTest {

    static List<ImageAnalysis> analyze(String rel) {
        return ImageAnalyzer.analyze(Shared.image(rel), ImageOptions.defaults());
    }

    static ImageAnalysis one(String rel) {
        List<ImageAnalysis> l = analyze(rel);
        assertEquals(1, l.size(), rel);
        return l.get(0);
    }

    /** Expected figures: format, images, layers of the first, totalSize, fileBytes, wastedBytes. */
    record Figures(String file, String format, int images, int layers, long totalSize, long fileBytes, long wasted) {
    }

    static Stream<Figures> images() {
        return Stream.of(
                new Figures("buildah/docker-archive/bb-base.tar", "docker-archive", 1, 1, 2128384, 1982365, 0),
                new Figures("buildah/docker-archive/bb-good.tar", "docker-archive", 1, 3, 2138624, 1982591, 109),
                new Figures("buildah/docker-archive/bb-good.skopeo.tar", "docker-archive", 1, 3, 2138624, 1982591, 109),
                new Figures("buildah/docker-archive/bb-opaque.tar", "docker-archive", 1, 3, 2143744, 1982375, 7),
                new Figures("buildah/docker-archive/bb-opaque-vfs.tar", "docker-archive", 1, 3, 2143744, 1982375, 7),
                new Figures("buildah/docker-archive/bb-overwrite.tar", "docker-archive", 1, 7, 5293056, 5128159,
                        2097191),
                new Figures("buildah/docker-archive/bb-umoci.tar", "docker-archive", 1, 2, 2132992, 1982371, 0),
                new Figures("buildah/docker-archive/bb-wasted-squashed.tar", "docker-archive", 1, 1, 2134016, 1982370,
                        0),
                new Figures("buildah/docker-archive/bb-wasted.tar", "docker-archive", 1, 3, 4236288, 4079522,
                        2097152),
                new Figures("buildah/dockerd/bb-good.docker-save.tar", "docker-archive", 1, 3, 2135040, 1982591, 109),
                new Figures("buildah/dockerd/bb-opaque.docker-save.tar", "docker-archive", 1, 3, 2139136, 1982375, 7),
                new Figures("buildah/dockerd/bb-wasted.docker-save.tar", "docker-archive", 1, 3, 4231680, 4079522,
                        2097152),
                new Figures("buildah/oci-archive/bb-base.oci.tar", "oci-archive", 1, 1, 2128384, 1982365, 0),
                new Figures("buildah/oci-archive/bb-good.oci.tar", "oci-archive", 1, 3, 2138624, 1982591, 109),
                new Figures("buildah/oci-archive/bb-opaque.oci.tar", "oci-archive", 1, 3, 2143744, 1982375, 7),
                new Figures("buildah/oci-archive/bb-opaque-vfs.oci.tar", "oci-archive", 1, 3, 2143744, 1982375, 7),
                new Figures("buildah/oci-archive/bb-overwrite.oci.tar", "oci-archive", 1, 7, 5293056, 5128159,
                        2097191),
                new Figures("buildah/oci-archive/bb-umoci.oci.tar", "oci-archive", 1, 2, 2132992, 1982371, 0),
                new Figures("buildah/oci-archive/bb-wasted-squashed.oci.tar", "oci-archive", 1, 1, 2134016, 1982370,
                        0),
                new Figures("buildah/oci-archive/bb-wasted.oci.tar", "oci-archive", 1, 3, 4236288, 4079522, 2097152),
                new Figures("dive/test-docker-image.tar", "docker-archive", 1, 14, 1470464, 1220598, 32025),
                new Figures("dive/test-kaniko-image.tar", "docker-archive", 1, 14, 1588224, 1326410, 46245),
                new Figures("dive/test-oci-estargz-image.tar", "oci-archive", 1, 1, 14848, 11189, 0),
                new Figures("dive/test-oci-gzip-image.tar", "oci-archive", 1, 1, 12800, 11189, 0),
                new Figures("dive/test-oci-uncompressed-image.tar", "oci-archive", 1, 1, 12800, 11189, 0),
                new Figures("dive/test-oci-zstd-image.tar", "oci-archive", 1, 1, 12800, 11189, 0),
                new Figures("dockle/alpine-310.tar.gz", "docker-archive", 1, 1, 5818880, 5552525, 0),
                new Figures("dockle/scratch.tar", "docker-archive", 1, 1, 2048, 461, 0),
                new Figures("dockle/symbolic.tar", "docker-archive", 1, 9, 1454592, 1219813, 0),
                new Figures("ggcr/v1_mutate__overwritten_file.tar", "docker-archive", 1, 3, 30720, 8, 4),
                new Figures("ggcr/v1_mutate__source_image.tar", "docker-archive", 1, 1, 10240, 8, 0),
                new Figures("ggcr/v1_mutate__source_image_with_empty_layer_history.tar", "docker-archive", 1, 1,
                        10240, 8, 0),
                new Figures("ggcr/v1_mutate__whiteout_dir.tar", "docker-archive", 1, 4, 7680, 0, 0),
                new Figures("ggcr/v1_mutate__whiteout_image.tar", "docker-archive", 1, 3, 30720, 8, 4),
                new Figures("ggcr/v1_tarball__hello-world-v25.tar", "docker-archive", 1, 1, 10752, 9136, 0),
                new Figures("ggcr/v1_tarball__test_bundle.tar", "docker-archive", 2, 1, 10240, 8, 0),
                new Figures("ggcr/v1_tarball__test_image_1.tar", "docker-archive", 1, 1, 10240, 8, 0),
                new Figures("ggcr/v1_tarball__test_image_2.tar", "docker-archive", 1, 1, 10240, 8, 0),
                new Figures("ggcr/v1_tarball__test_link.tar", "docker-archive", 2, 1, 10240, 8, 0),
                new Figures("ggcr/v1_tarball__test_load_manifest.tar", "docker-archive", 1, 1, 10240, 8, 0),
                new Figures("jib/integration-test__busybox-docker.tar", "docker-archive", 1, 1, 1441280, 1223894, 0),
                new Figures("jib/integration-test__busybox-jib.tar", "docker-archive", 1, 2, 1443328, 1223906, 0),
                new Figures("jib/test__extraction_docker-save.tar", "docker-archive", 1, 2, 16896, 4071, 0),
                new Figures("jib/test__extraction_jib-image.tar", "docker-archive", 1, 2, 16896, 4071, 0));
    }

    @ParameterizedTest
    @MethodSource("images")
    void figures(Figures f) {
        List<ImageAnalysis> all = analyze(f.file());
        assertEquals(f.images(), all.size(), "images");
        ImageAnalysis a = all.get(0);
        assertEquals(f.format(), a.format());
        assertEquals(f.layers(), a.layers().size(), "layers");
        assertEquals(f.totalSize(), a.totalSize(), "totalSize");
        assertEquals(f.fileBytes(), a.fileBytes(), "fileBytes");
        assertEquals(f.wasted(), a.wastedBytes(), "wastedBytes");
        long sum = 0;
        for (LayerInfo l : a.layers()) {
            sum += l.wastedBytes();
            assertEquals(l.diffId(), a.config().diffIds().get(l.index()));
        }
        assertEquals(a.wastedBytes(), sum, "per-layer waste adds up");
        assertEquals(f.fileBytes() == 0 ? 1.0 : 1.0 - (double) f.wasted() / f.fileBytes(), a.efficiency(), 1e-12);
    }

    /** Every file in testimages is covered by {@link #images()} or {@link #notImages()}. */
    @Test
    void everyArchiveIsCovered() throws IOException {
        List<String> covered = new ArrayList<>();
        images().forEach(f -> covered.add(f.file()));
        notImages().forEach(n -> covered.add(n[0]));
        try (Stream<Path> s = Files.walk(Shared.testImages())) {
            List<String> missing = s.filter(Files::isRegularFile)
                    .map(p -> Shared.testImages().relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".tar") || n.endsWith(".tar.gz") || n.endsWith(".zst"))
                    .filter(n -> !covered.contains(n)).sorted().toList();
            assertEquals(List.of(), missing);
        }
    }

    static Stream<String[]> notImages() {
        String plain = "a plain tar of files, not an image archive (no manifest.json, no index.json)";
        return Stream.of(
                new String[] {"container-diff/la-croix-dir-update.tar", plain},
                new String[] {"container-diff/la-croix-update.tar", plain},
                new String[] {"container-diff/la-croix-wh.tar", plain},
                new String[] {"container-diff/la-croix1.tar", plain},
                new String[] {"container-diff/la-croix2.tar", plain},
                new String[] {"container-diff/la-croix3-actual_nested-dir.tar", plain},
                new String[] {"container-diff/la-croix3.tar", plain},
                new String[] {"dive/test-estargz-image.tar", plain},
                new String[] {"dive/test-gzip-image.tar", plain},
                new String[] {"dive/test-uncompressed-image.tar", plain},
                new String[] {"dive/test-zstd-image.tar", plain},
                new String[] {"ggcr/crane__content.tar", plain},
                new String[] {"ggcr/crane__content.tar.zst", plain},
                new String[] {"jib/test__extract-missing-dirs.tar", plain},
                new String[] {"jib/test__extraction_compressed.tar.gz", plain},
                new String[] {"jib/test__extraction_not-compressed.tar", plain},
                new String[] {"jib/test__symlinks.tar", plain},
                new String[] {"ggcr/v1_tarball__no_manifest.tar", "a legacy docker save archive without manifest.json"},
                new String[] {"ggcr/v1_tarball__null_manifest.tar", "manifest.json is null"});
    }

    @ParameterizedTest
    @MethodSource("notImages")
    void refused(String file, String message) {
        InputException e = assertThrows(InputException.class, () -> analyze(file));
        assertTrue(e.getMessage().startsWith(Shared.image(file).toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void diveGolden() {
        DiveFigures d = one("dive/test-docker-image.tar").dive();
        assertEquals(0.9844212134184309, d.efficiency());
        assertEquals(32025, d.wastedBytes());
        assertEquals(1220598, d.sizeBytes());
        assertEquals(66237, d.userSizeBytes());
        assertEquals(0.4834911001404049, d.wastedUserPercent());
    }

    @Test
    void diveUserPercentUndefinedWhenUserLayersAreEmpty() {
        ImageAnalysis a = one("ggcr/v1_mutate__whiteout_dir.tar");
        assertEquals(0, a.dive().userSizeBytes());
        assertNull(a.dive().wastedUserPercent());
    }

    /** Sizes, entry counts and diff_ids of every layer listed in buildah/info/*.txt, for both archive forms. */
    @Test
    void buildahLayersMatchTheirListings() throws IOException {
        Pattern p = Pattern.compile("# layer (\\d+): ([0-9a-f]{64})\\.tar {2}\\((\\d+) bytes, (\\d+) entries\\)");
        int checked = 0;
        for (String name : List.of("bb-base", "bb-good", "bb-opaque", "bb-opaque-vfs", "bb-overwrite", "bb-umoci",
                "bb-wasted", "bb-wasted-squashed")) {
            String info = Files.readString(Shared.image("buildah/info/" + name + ".txt"));
            for (String form : List.of("buildah/docker-archive/" + name + ".tar",
                    "buildah/oci-archive/" + name + ".oci.tar")) {
                ImageAnalysis a = one(form);
                Matcher m = p.matcher(info);
                int n = 0;
                while (m.find()) {
                    LayerInfo l = a.layers().get(Integer.parseInt(m.group(1)) - 1);
                    assertEquals("sha256:" + m.group(2), l.diffId(), form);
                    assertEquals(Long.parseLong(m.group(3)), l.size(), form);
                    assertEquals(Integer.parseInt(m.group(4)), l.files(), form);
                    n++;
                    checked++;
                }
                assertEquals(a.layers().size(), n, form);
            }
        }
        assertEquals(46, checked);
    }

    @Test
    void bbWastedChargesTheRunThatWroteTheBlob() {
        for (String f : List.of("buildah/docker-archive/bb-wasted.tar", "buildah/oci-archive/bb-wasted.oci.tar",
                "buildah/dockerd/bb-wasted.docker-save.tar")) {
            ImageAnalysis a = one(f);
            assertEquals(2L << 20, a.layers().get(1).wastedBytes(), f);
            assertTrue(a.layers().get(1).history().createdBy().contains("blob.bin"), f);
            WastedFile w = a.wastedFiles().get(0);
            assertEquals(new WastedFile("/opt/payload/blob.bin", 2L << 20, 1, 2), w);
            assertNull(a.tree().find("/opt/payload/blob.bin"));
            assertEquals("keep\n".length(), a.tree().find("/opt/payload/keep.txt").size());
            assertEquals(List.of(new PathEvent(1, PathEvent.Op.ADDED), new PathEvent(2, PathEvent.Op.REMOVED)),
                    a.tree().history("/opt/payload/blob.bin"));
        }
        assertEquals(0, one("buildah/docker-archive/bb-wasted-squashed.tar").wastedBytes());
    }

    @Test
    void bbOverwriteWastesEveryRewrittenVersion() {
        ImageAnalysis a = one("buildah/docker-archive/bb-overwrite.tar");
        long[] expected = {0, 20, 19, 0, 1 << 20, 1 << 20, 0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], a.layers().get(i).wastedBytes(), "layer " + i);
        }
        assertEquals(0600, a.tree().find("/var/data.bin").mode());
        assertEquals(6, a.tree().find("/var/data.bin").layer());
        assertEquals(27, a.tree().find("/etc/app.conf").size());
    }

    @Test
    void opaqueMarkerAndPerFileWhiteoutsGiveTheSameTree() {
        for (String dir : List.of("buildah/docker-archive/", "buildah/oci-archive/")) {
            String ext = dir.contains("oci") ? ".oci.tar" : ".tar";
            ImageAnalysis overlay = one(dir + "bb-opaque" + ext);
            ImageAnalysis vfs = one(dir + "bb-opaque-vfs" + ext);
            assertEquals(paths(overlay), paths(vfs));
            assertEquals(overlay.wastedBytes(), vfs.wastedBytes());
            assertEquals(7, overlay.wastedBytes());
            assertEquals(overlay.wastedFiles(), vfs.wastedFiles());
            assertNull(overlay.tree().find("/opt/tool/a"));
            assertNull(overlay.tree().find("/opt/tool/sub"));
            assertNull(overlay.tree().find("/home"));
            assertNull(overlay.tree().find("/bin/vi"));
            assertEquals(3, overlay.tree().find("/opt/tool/version").size());
            assertEquals(2, overlay.tree().find("/opt/tool/version").layer());
        }
    }

    @Test
    void umociWhiteoutsAfterNewFilesAndDotEntry() {
        ImageAnalysis a = one("buildah/docker-archive/bb-umoci.tar");
        assertNull(a.tree().find("/home"));
        assertNull(a.tree().find("/bin/vi"));
        assertEquals("umoci\n".length(), a.tree().find("/etc/made-by").size());
        assertEquals("65534:65534", a.config().user());
    }

    @Test
    void configSummaryOfBbGood() {
        ImageAnalysis a = one("buildah/docker-archive/bb-good.tar");
        ImageConfig c = a.config();
        assertEquals("10001:10001", c.user());
        assertEquals(List.of("/app/app"), c.entrypoint());
        assertEquals(List.of("world"), c.cmd());
        assertEquals("/app", c.workingDir());
        assertEquals(List.of("8080/tcp"), c.exposedPorts());
        assertEquals("SIGTERM", c.stopSignal());
        assertEquals(List.of("CMD", "/bin/true"), c.healthcheck().test());
        assertEquals("hello", c.envValue("GREETING"));
        assertEquals("bb-good", c.labels().get("org.opencontainers.image.title"));
        assertNull(one("buildah/oci-archive/bb-good.oci.tar").config().healthcheck());
    }

    @Test
    void emptyLayerHistoryIsSkippedWhenMatchingLayers() {
        ImageAnalysis a = one("buildah/docker-archive/bb-wasted.tar");
        assertEquals("/bin/sh -c rm /opt/payload/blob.bin", a.layers().get(2).history().createdBy());
        assertEquals(4, a.config().history().size());
    }

    @Test
    void symlinkedLayersAndRepeatedDiffIds() {
        ImageAnalysis a = one("dockle/symbolic.tar");
        assertEquals(a.layers().get(8).diffId(), a.config().diffIds().get(8));
        assertTrue(a.config().diffIds().subList(0, 8).contains(a.layers().get(8).diffId()));
        assertTrue(a.tree().entries().stream().anyMatch(FileEntry::isSetuid));
    }

    @Test
    void multiImageArchives() {
        List<ImageAnalysis> all = analyze("ggcr/v1_tarball__test_link.tar");
        assertEquals(List.of("bazel/v1/tarball:test_image_1"), all.get(0).image().tags());
        assertEquals(List.of("bazel/v1/tarball:test_image_3"), all.get(1).image().tags());
        assertEquals(2, all.get(1).layers().size());
        List<ImageAnalysis> picked = ImageAnalyzer.analyze(Shared.image("ggcr/v1_tarball__test_bundle.tar"),
                ImageOptions.defaults().withImage("test_image_1"));
        assertEquals(1, picked.size());
        assertEquals(List.of("test_image_1"), picked.get(0).image().tags());
        picked = ImageAnalyzer.analyze(Shared.image("ggcr/v1_tarball__test_bundle.tar"),
                ImageOptions.defaults().withImage("0"));
        assertEquals(List.of("test_image_2"), picked.get(0).image().tags());
        InputException e = assertThrows(InputException.class, () -> ImageAnalyzer.analyze(
                Shared.image("ggcr/v1_tarball__test_bundle.tar"), ImageOptions.defaults().withImage("nope")));
        assertTrue(e.getMessage().contains("no image named nope; the archive has: 0 (test_image_2); 1 (test_image_1)"),
                e.getMessage());
    }

    @Test
    void layerCompressionsAndEstargz() {
        Map<String, Compression> expected = Map.of("dive/test-oci-gzip-image.tar", Compression.GZIP,
                "dive/test-oci-zstd-image.tar", Compression.ZSTD,
                "dive/test-oci-uncompressed-image.tar", Compression.NONE,
                "dive/test-oci-estargz-image.tar", Compression.GZIP);
        expected.forEach((f, c) -> {
            ImageAnalysis a = one(f);
            assertEquals(c, a.layers().get(0).compression(), f);
            assertEquals("arm64", a.config().architecture());
            assertEquals(List.of("/README.md"), a.tree().entries().stream().map(FileEntry::path).toList(), f);
            assertEquals(f.contains("estargz"), a.layers().get(0).estargz(), f);
            assertEquals(1, a.layers().get(0).files(), f);
        });
        assertEquals("gzip", one("dockle/alpine-310.tar.gz").archiveCompression());
        ImageAnalysis kaniko = one("dive/test-kaniko-image.tar");
        assertEquals(Compression.GZIP, kaniko.layers().get(0).compression());
    }

    @Test
    void docker25LayoutWithNullIndexManifests() {
        ImageAnalysis a = one("ggcr/v1_tarball__hello-world-v25.tar");
        assertEquals("docker-archive", a.format());
        assertEquals(a.layers().get(0).digest(), a.layers().get(0).diffId());
        assertEquals("/hello", a.tree().entries().get(0).path());
    }

    static List<String> paths(ImageAnalysis a) {
        return a.tree().entries().stream().map(e -> e.path() + " " + e.type() + " " + e.size()).toList();
    }
}
