package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.image.PathEvent.Op;
import io.jlint.image.TestImages.LayerCompression;
import io.jlint.image.TestImages.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whiteouts, opaque directories, hard links, replacements, names: tiny images with hand-computed expectations. */
class TreeSemanticsTest {

    @TempDir
    Path tmp;

    private int counter;

    ImageAnalysis analyze(TestImages.Image img) {
        return analyze(img, Layout.DOCKER_LEGACY);
    }

    ImageAnalysis analyze(TestImages.Image img, Layout layout) {
        Path out = tmp.resolve("img" + (counter++) + (layout == Layout.OCI_DIR ? "" : ".tar"));
        TestImages.write(img, layout, out);
        List<ImageAnalysis> l = ImageAnalyzer.analyze(out, ImageOptions.defaults());
        assertEquals(1, l.size());
        return l.get(0);
    }

    static List<String> paths(ImageAnalysis a) {
        return a.tree().entries().stream().map(FileEntry::path).toList();
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(Layout.DOCKER_LEGACY, LayerCompression.NONE),
                Arguments.of(Layout.DOCKER_LEGACY, LayerCompression.GZIP),
                Arguments.of(Layout.DOCKER_LEGACY, LayerCompression.BZIP2),
                Arguments.of(Layout.DOCKER_25, LayerCompression.NONE),
                Arguments.of(Layout.OCI_TAR, LayerCompression.GZIP),
                Arguments.of(Layout.OCI_TAR, LayerCompression.ZSTD),
                Arguments.of(Layout.OCI_DIR, LayerCompression.GZIP),
                Arguments.of(Layout.OCI_DIR, LayerCompression.NONE));
    }

    /** The same image in every layout and layer compression gives the same figures. */
    @ParameterizedTest
    @MethodSource("layouts")
    void everyLayoutReadsTheSame(Layout layout, LayerCompression c) {
        TestImages.Image img = image().tag("t:1").compression(c)
                .layer(layer().dir("etc").file("etc/a", 100).file("etc/b", 10))
                .layer(layer().dir("etc").file("etc/a", 50).whiteout("etc/b"));
        ImageAnalysis a = analyze(img, layout);
        assertEquals(List.of("/etc", "/etc/a"), paths(a));
        assertEquals(160, a.fileBytes());
        assertEquals(110, a.wastedBytes());
        assertEquals(110, a.layers().get(0).wastedBytes());
        assertEquals(1.0 - 110.0 / 160.0, a.efficiency(), 1e-12);
        assertEquals(List.of("t:1"), a.image().tags());
        assertEquals(Compression.valueOf(c.name()), a.layers().get(0).compression());
        String expectedFormat = switch (layout) {
            case DOCKER_LEGACY, DOCKER_25 -> "docker-archive";
            case OCI_TAR -> "oci-archive";
            case OCI_DIR -> "oci-layout";
        };
        assertEquals(expectedFormat, a.format());
    }

    @Test
    void wholeArchiveGzip() throws IOException {
        Path plain = tmp.resolve("p.tar");
        TestImages.write(image().layer(layer().file("a", 7)), Layout.DOCKER_LEGACY, plain);
        Path gz = tmp.resolve("p.tar.gz");
        Files.write(gz, TestImages.gzip(Files.readAllBytes(plain)));
        ImageAnalysis a = ImageAnalyzer.analyze(gz, ImageOptions.defaults()).get(0);
        assertEquals("gzip", a.archiveCompression());
        assertEquals(List.of("/a"), paths(a));
    }

    @Test
    void overwriteChargesTheLowerLayer() {
        ImageAnalysis a = analyze(image()
                .layer(layer().file("a", 100))
                .layer(layer().file("a", 50)));
        assertEquals(100, a.wastedBytes());
        assertEquals(new WastedFile("/a", 100, 0, 1), a.wastedFiles().get(0));
        assertEquals(new FileTree.LayerTotals(0, 50, 100), totals(a, 1));
        assertEquals(List.of(new PathEvent(0, Op.ADDED), new PathEvent(1, Op.CHANGED)), a.tree().history("/a"));
        LayerEntry lower = a.entries().get(0).toList().get(0);
        LayerEntry upper = a.entries().get(1).toList().get(0);
        assertFalse(a.tree().isFinal(lower));
        assertTrue(a.tree().isFinal(upper));
    }

    @Test
    void whiteoutOfADirectoryRemovesItsSubtree() {
        ImageAnalysis a = analyze(image()
                .layer(layer().dir("d").file("d/x", 10).dir("d/s").file("d/s/y", 20).file("keep", 1))
                .layer(layer().whiteout("d")));
        assertEquals(List.of("/keep"), paths(a));
        assertEquals(30, a.wastedBytes());
        assertEquals(new FileTree.LayerTotals(0, 0, 30), totals(a, 1));
        assertEquals(List.of(new PathEvent(0, Op.ADDED), new PathEvent(1, Op.REMOVED)), a.tree().history("/d/s/y"));
    }

    @Test
    void opaqueHidesLowerLayersOnlyWhateverTheOrder() {
        TestImages.Layer base = layer().dir("d").file("d/x", 10).dir("d/s").file("d/s/y", 20);
        ImageAnalysis markerFirst = analyze(image().layer(base)
                .layer(layer().dir("d").opaque("d").file("d/z", 5)));
        ImageAnalysis markerLast = analyze(image().layer(layer().dir("d").file("d/x", 10).dir("d/s")
                        .file("d/s/y", 20))
                .layer(layer().dir("d").file("d/z", 5).opaque("d")));
        for (ImageAnalysis a : List.of(markerFirst, markerLast)) {
            assertEquals(List.of("/d", "/d/z"), paths(a));
            assertEquals(30, a.wastedBytes());
        }
    }

    @Test
    void opaqueKeepsThisLayersEntriesBelowLowerDirectories() {
        // layer 1 writes d/s/new under a directory that only the lower layer has, then marks d opaque
        ImageAnalysis a = analyze(image()
                .layer(layer().dir("d").dir("d/s").file("d/s/old", 4))
                .layer(layer().file("d/s/new", 3).opaque("d")));
        assertEquals(List.of("/d", "/d/s", "/d/s/new"), paths(a));
        assertTrue(a.tree().find("/d/s").implicit());
        assertEquals(4, a.wastedBytes());
    }

    @Test
    void opaqueAndPerFileWhiteoutsAreEquivalent() {
        TestImages.Layer base = layer().dir("opt").dir("opt/tool").file("opt/tool/a", 2).dir("opt/tool/sub")
                .file("opt/tool/sub/b", 2).file("opt/tool/version", 3);
        ImageAnalysis overlay = analyze(image().layer(base)
                .layer(layer().dir("opt/tool").opaque("opt/tool").file("opt/tool/version", 3)));
        TestImages.Layer base2 = layer().dir("opt").dir("opt/tool").file("opt/tool/a", 2).dir("opt/tool/sub")
                .file("opt/tool/sub/b", 2).file("opt/tool/version", 3);
        ImageAnalysis vfs = analyze(image().layer(base2)
                .layer(layer().dir("opt/tool").whiteout("opt/tool/a").whiteout("opt/tool/sub")
                        .file("opt/tool/version", 3)));
        assertEquals(paths(overlay), paths(vfs));
        assertEquals(7, overlay.wastedBytes());
        assertEquals(7, vfs.wastedBytes());
    }

    @Test
    void whiteoutDoesNotHideTheSameLayersEntry() {
        // umoci writes the new file first and the whiteout after it
        ImageAnalysis a = analyze(image()
                .layer(layer().file("a", 10))
                .layer(layer().file("a", 4).whiteout("a")));
        assertEquals(List.of("/a"), paths(a));
        assertEquals(4, a.tree().find("/a").size());
        assertEquals(10, a.wastedBytes());
    }

    @Test
    void hardLinksCountOnceAndKeepContentAlive() {
        ImageAnalysis a = analyze(image()
                .layer(layer().file("a", 100).hardlink("b", "a"))
                .layer(layer().whiteout("a"))
                .layer(layer().file("c", 1)));
        assertEquals(101, a.fileBytes());
        assertEquals(0, a.wastedBytes());
        FileEntry b = a.tree().find("/b");
        assertEquals(TarEntry.Type.HARDLINK, b.type());
        assertEquals(100, b.size());
        assertEquals("/a", b.linkTarget());

        ImageAnalysis gone = analyze(image()
                .layer(layer().file("a", 100).hardlink("b", "a"))
                .layer(layer().whiteout("a"))
                .layer(layer().whiteout("b")));
        assertEquals(100, gone.wastedBytes());
        assertEquals(new WastedFile("/a", 100, 0, 2), gone.wastedFiles().get(0));
        assertEquals(100, gone.layers().get(0).wastedBytes());
    }

    @Test
    void danglingAndEscapingHardLinksAreRecorded() {
        ImageAnalysis a = analyze(image().layer(layer().hardlink("x", "missing").hardlink("y", "../../etc/shadow")));
        assertEquals(List.of(UnsafeEntry.Kind.HARDLINK_DANGLING, UnsafeEntry.Kind.HARDLINK_ESCAPES),
                a.unsafeEntries().stream().map(UnsafeEntry::kind).toList());
        assertEquals(0, a.tree().find("/x").size());
    }

    @Test
    void directoryReplacedByAFileAndBack() {
        ImageAnalysis a = analyze(image()
                .layer(layer().dir("d").file("d/x", 10).dir("d/y").file("d/y/z", 20).file("f", 9))
                .layer(layer().file("d", 7).dir("f").file("f/g", 3)));
        assertEquals(List.of("/d", "/f", "/f/g"), paths(a));
        assertEquals(TarEntry.Type.FILE, a.tree().find("/d").type());
        assertEquals(TarEntry.Type.DIRECTORY, a.tree().find("/f").type());
        assertEquals(39, a.wastedBytes());
        assertEquals(List.of(new PathEvent(0, Op.ADDED), new PathEvent(1, Op.REMOVED)), a.tree().history("/d/x"));
        assertEquals(List.of(new PathEvent(0, Op.ADDED), new PathEvent(1, Op.CHANGED)), a.tree().history("/d"));
    }

    @Test
    void theSamePathTwiceInOneLayerWastesTheFirst() {
        ImageAnalysis a = analyze(image().layer(layer().file("a", 8).file("a", 5)));
        assertEquals(5, a.tree().find("/a").size());
        assertEquals(new WastedFile("/a", 8, 0, 0), a.wastedFiles().get(0));
    }

    @Test
    void namesAreCleanedAndLongNamesRead() {
        String longName = "very/" + "deep/".repeat(30) + "file.txt";
        ImageAnalysis a = analyze(image().layer(layer().dir("./").file("./x//y", 1).file(longName, 2)
                .symlink("s", "/" + longName).file("/abs", 3)));
        assertEquals(1, a.tree().find("/x/y").size());
        assertTrue(a.tree().find("/x").implicit());
        assertEquals(2, a.tree().find("/" + longName).size());
        assertEquals("/" + longName, a.tree().find("/s").linkTarget());
        assertEquals(3, a.tree().find("/abs").size());
        assertEquals(5, a.layers().get(0).files());
    }

    @Test
    void symlinkLoopsInsideALayerAreKeptNotFollowed() {
        ImageAnalysis a = analyze(image().layer(layer().symlink("a", "b").symlink("b", "a").symlink("self", "self")
                .symlink("d/x", "../d/x").file("d/x/y", 1)));
        assertEquals(List.of("/a", "/b", "/d", "/d/x", "/d/x/y", "/self"), paths(a));
        assertEquals(TarEntry.Type.DIRECTORY, a.tree().find("/d/x").type());
        assertEquals(UnsafeEntry.Kind.PARENT_NOT_DIRECTORY, a.unsafeEntries().get(0).kind());
    }

    @Test
    void gnuLongNamesAndLinks() {
        String name = "g/" + "x".repeat(150);
        String target = "/t/" + "y".repeat(140);
        ImageAnalysis a = analyze(image().layer(layer().gnuLong(name, 3, target)));
        assertEquals(3, a.tree().find("/" + name).size());
        assertEquals(target, a.tree().find("/link-to-long").linkTarget());
        assertEquals(2, a.layers().get(0).files());
    }

    @Test
    void traversalEntriesAreRecordedNeverApplied() {
        ImageAnalysis a = analyze(image().layer(layer().file("../evil", 5).file("a/../../b", 1)
                .symlink("etc/up", "../../../etc/passwd").symlink("ok", "/etc/passwd").symlink("rel", "a/../b")));
        assertEquals(List.of("/etc", "/etc/up", "/ok", "/rel"), paths(a));
        assertEquals(List.of(UnsafeEntry.Kind.PATH_ESCAPES, UnsafeEntry.Kind.PATH_ESCAPES,
                UnsafeEntry.Kind.SYMLINK_ESCAPES), a.unsafeEntries().stream().map(UnsafeEntry::kind).toList());
        assertEquals("../evil", a.unsafeEntries().get(0).name());
        assertEquals("../../../etc/passwd", a.unsafeEntries().get(2).detail());
    }

    @Test
    void devicesFifosAndModes() {
        ImageAnalysis a = analyze(image().layer(layer().dir("dev").device("dev/null", '3', 1, 3)
                .device("dev/sda", '4', 8, 0).fifo("dev/fifo").file("bin/su", TestImages.bytes(4, 1), 04755)
                .dir("tmp", 01777)));
        FileEntry n = a.tree().find("/dev/null");
        assertEquals(TarEntry.Type.CHAR_DEVICE, n.type());
        assertEquals(1, n.devMajor());
        assertEquals(3, n.devMinor());
        assertEquals(TarEntry.Type.BLOCK_DEVICE, a.tree().find("/dev/sda").type());
        assertEquals(TarEntry.Type.FIFO, a.tree().find("/dev/fifo").type());
        assertTrue(a.tree().find("/bin/su").isSetuid());
        assertTrue(a.tree().find("/tmp").isWorldWritable());
        assertFalse(a.tree().find("/bin/su").isWorldWritable());
    }

    @Test
    void entryBelowAFileReplacesIt() {
        ImageAnalysis a = analyze(image().layer(layer().file("x", 6)).layer(layer().file("x/y", 1)));
        assertEquals(TarEntry.Type.DIRECTORY, a.tree().find("/x").type());
        assertEquals(6, a.wastedBytes());
        assertEquals(UnsafeEntry.Kind.PARENT_NOT_DIRECTORY, a.unsafeEntries().get(0).kind());
    }

    @Test
    void historyMatchesNonEmptyEntriesAndMissingOnes() {
        ImageAnalysis a = analyze(image().emptyHistory()
                .layer(layer().file("a", 1).createdBy("ADD rootfs.tar /"))
                .layer(layer().file("b", 1).createdBy("RUN make")));
        assertEquals("ADD rootfs.tar /", a.layers().get(0).history().createdBy());
        assertEquals("RUN make", a.layers().get(1).history().createdBy());
        ImageAnalysis missing = analyze(image().root(r -> r.putArray("history"))
                .layer(layer().file("a", 1)));
        assertTrue(missing.layers().get(0).history().missing());
        assertEquals("(missing)", missing.layers().get(0).history().createdBy());
    }

    @Test
    void diveFiguresByHand() {
        // layer 0: a (100), d/x (10); layer 1: a (50); layer 2: .wh.d
        // dive: /a seen twice (100, 50): cumulative 150, min 50; /d/x: 10; whiteout /d was a directory holding
        // 10 bytes: 10. efficiency = (50+10+10)/(150+10+10); wasted = 150; sizes 110, 50, 0
        ImageAnalysis a = analyze(image()
                .layer(layer().file("a", 100).dir("d").file("d/x", 10))
                .layer(layer().file("a", 50))
                .layer(layer().whiteout("d")));
        DiveFigures d = a.dive();
        assertEquals(70.0 / 170.0, d.efficiency(), 1e-15);
        assertEquals(150, d.wastedBytes());
        assertEquals(160, d.sizeBytes());
        assertEquals(50, d.userSizeBytes());
        assertEquals(3.0, d.wastedUserPercent(), 1e-15);
        // jlint: a(100) and d/x(10) wasted
        assertEquals(110, a.wastedBytes());
    }

    @Test
    void diveIgnoresOpaqueMarkers() {
        // layer 1 makes d opaque (hiding x) and writes y: dive sees no whiteout, so nothing repeats
        ImageAnalysis a = analyze(image()
                .layer(layer().dir("d").file("d/x", 10))
                .layer(layer().dir("d").opaque("d").file("d/y", 4)));
        assertEquals(1.0, a.dive().efficiency());
        assertEquals(0, a.dive().wastedBytes());
        assertEquals(10, a.wastedBytes());
        assertNull(a.tree().find("/d/x"));
    }

    @Test
    void emptyImageIsFullyEfficient() {
        ImageAnalysis a = analyze(image().layer(layer().dir("d")));
        assertEquals(1.0, a.efficiency());
        assertEquals(1.0, a.dive().efficiency());
        assertNull(a.dive().wastedUserPercent());
        assertNotNull(ImageSummary.of(a));
    }

    @Test
    void contentVisitorsSeeFileBytes() {
        Path out = tmp.resolve("cv.tar");
        TestImages.write(image().layer(layer().file("etc/secret", "hunter2")), Layout.OCI_TAR, out);
        StringBuilder seen = new StringBuilder();
        ImageAnalyzer.analyze(out, ImageOptions.defaults(), (img, i) -> (e, in) -> {
            if (e.isRegularFile()) {
                synchronized (seen) {
                    seen.append(e.path()).append('=').append(new String(in.readAllBytes()));
                }
            }
        });
        assertEquals("/etc/secret=hunter2", seen.toString());
    }

    private static FileTree.LayerTotals totals(ImageAnalysis a, int i) {
        LayerInfo l = a.layers().get(i);
        return new FileTree.LayerTotals(l.bytesAdded(), l.bytesChanged(), l.bytesRemoved());
    }
}
