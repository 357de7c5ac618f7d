package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCI layer semantics squash and rebuild must keep, each on a tiny image made for it: whiteouts and opaque
 * markers (kept only where a lower layer has something), replacements between files and directories, hard links
 * whose target is overwritten or deleted, symlinks, and every attribute of an entry. Each output goes through
 * {@link ImageVerifier}; the tests also look at the entries written.
 */
class RewriteEdgeCasesTest {

    @TempDir
    Path tmp;
    private int counter;

    // ------------------------------------------------------------------------------------------- helpers

    private Path write(TestImages.Image img) {
        Path p = tmp.resolve("in-" + (counter++) + ".tar");
        TestImages.write(img, TestImages.Layout.DOCKER_LEGACY, p);
        return p;
    }

    private static RewriteOptions opts() {
        return RewriteOptions.defaults();
    }

    /** Squashes layers {@code from..} and verifies; returns the output's layers' entries. */
    private List<List<LayerEntry>> squash(Path in, int from) {
        Path out = tmp.resolve("sq-" + (counter++) + ".tar");
        RewriteReport r = ImageRewriter.squash(in, out, new ImageRewriter.SquashRange(null, Integer.toString(from)),
                opts());
        ImageVerifier.Fs fs = ImageVerifier.verify(in, null, out, r, Set.of());
        if (from == 0) {
            assertEquals(0, fs.analysis().wastedBytes(), "no waste after a full squash");
        }
        return fs.analysis().entries().stream().map(LayerEntries::toList).toList();
    }

    private RewriteReport rebuild(Path in, boolean strip, Set<String> removed) {
        Path out = tmp.resolve("rb-" + (counter++) + ".tar");
        RewriteReport r = ImageRewriter.rebuild(in, out, strip, opts());
        ImageVerifier.Fs fs = ImageVerifier.verify(in, null, out, r, removed);
        assertEquals(0, fs.analysis().wastedBytes(), "no waste after a rebuild");
        return r;
    }

    private static List<String> names(List<LayerEntry> l) {
        List<String> n = new ArrayList<>();
        for (LayerEntry e : l) {
            n.add(e.name());
        }
        return n;
    }

    private static LayerEntry find(List<LayerEntry> l, String name) {
        for (LayerEntry e : l) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new AssertionError(name + " not in " + names(l));
    }

    private static List<LayerEntry> last(List<List<LayerEntry>> layers) {
        return layers.get(layers.size() - 1);
    }

    /** One entry written with jlint's tar writer (for attributes TestImages does not set). */
    private static byte[] entry(TarWriter.Header h, byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            TarWriter w = new TarWriter(b);
            w.header(h);
            if (data != null) {
                w.data(data, 0, data.length);
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = b.toByteArray();
        return Arrays.copyOf(all, all.length - 1024);
    }

    private static TarWriter.Header h(String name, char type, int mode, long uid, long gid, long mtime, long size,
                                      String link, Map<String, String> pax) {
        return new TarWriter.Header(name, type, mode, uid, gid, "u" + uid, "g" + gid, mtime, size, link, 0, 0, pax);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- whiteouts

    @Test
    void aWhiteoutOfALowerFileIsKeptAndDisappearsInAFullSquash() {
        Path in = write(image().layer(layer().file("a", "A").file("b", "B"))
                .layer(layer().whiteout("a").file("c", "C")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of(".wh.a", "c"), names(top));
        assertEquals(List.of("b", "c"), names(squash(in, 0).get(0)));
        rebuild(in, false, Set.of());
    }

    @Test
    void aWhiteoutOfAPathNoLowerLayerHasIsDropped() {
        Path in = write(image().layer(layer().file("base", "x"))
                .layer(layer().dir("tmp").file("tmp/n", 1000))
                .layer(layer().whiteout("tmp/n")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("tmp/"), names(top), "no marker: only the squashed layers had tmp/n");
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals(List.of(2), r.removedLayers().stream().map(RewriteReport.RemovedLayer::index).toList(),
                "the layer that only deleted waste is gone");
    }

    @Test
    void anOpaqueDirectoryOverLowerContentStaysOpaque() {
        Path in = write(image().layer(layer().dir("d").file("d/a", "A").file("d/b", "B"))
                .layer(layer().dir("d").opaque("d").file("d/c", "C")));
        List<LayerEntry> top = last(squash(in, 1));
        assertTrue(names(top).contains("d/.wh..wh..opq"), names(top).toString());
        assertFalse(names(top).contains("d/.wh.a"), "the opaque marker, not a whiteout per file");
        assertEquals(List.of("d/", "d/c"), names(squash(in, 0).get(0)));
        rebuild(in, false, Set.of());
    }

    @Test
    void anOpaqueMarkerOverNothingBelowIsDropped() {
        Path in = write(image().layer(layer().file("x", "X"))
                .layer(layer().dir("d").file("d/a", "A"))
                .layer(layer().dir("d").opaque("d").file("d/b", "B")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("d/", "d/b"), names(top));
    }

    @Test
    void aDirectoryDeletedAndMadeAgainBecomesOpaque() {
        Path in = write(image().layer(layer().dir("d", 0700).file("d/a", "A").dir("d/sub").file("d/sub/s", "S"))
                .layer(layer().whiteout("d"))
                .layer(layer().dir("d").file("d/n", "N")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("d/", "d/.wh..wh..opq", "d/n"), names(top));
        rebuild(in, false, Set.of());
    }

    @Test
    void perFileWhiteoutsStayPerFile() {
        Path in = write(image().layer(layer().dir("d").file("d/a", "A").file("d/b", "B").file("d/c", "C"))
                .layer(layer().whiteout("d/a").whiteout("d/b")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("d/.wh.a", "d/.wh.b"), names(top));
    }

    @Test
    void aWhiteoutAndANewEntryInOneLayerKeepTheNewEntry() {
        Path in = write(image().layer(layer().dir("d", 0700).file("d/a", "A"))
                .layer(layer().whiteout("d").file("d/b", "B")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("d/", "d/.wh..wh..opq", "d/b"), names(top),
                "the directory is made explicit (0755, as the layer left it) and hides its old content");
        assertEquals(0755, find(top, "d/").mode());
        squash(in, 0);
        rebuild(in, false, Set.of());
    }

    @Test
    void markersComeBeforeTheOtherEntriesOfTheirDirectory() {
        Path in = write(image().layer(layer().dir("d").file("d/+a", "A").file("d/z", "Z").dir("d/y")
                        .file("d/y/1", "1"))
                .layer(layer().dir("d", 0750).whiteout("d/z").file("d/+b", "B").opaque("d/y").file("d/y/2", "2")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("d/", "d/.wh.z", "d/+b", "d/y/.wh..wh..opq", "d/y/2"), names(top));
    }

    // ------------------------------------------------------------------------------------------- replacements

    @Test
    void aFileReplacesADirectory() {
        Path in = write(image().layer(layer().dir("d").file("d/x", "X").dir("d/y").file("d/y/z", "Z"))
                .layer(layer().file("d", "now a file")));
        assertEquals(List.of("d"), names(last(squash(in, 1))));
        assertEquals(List.of("d"), names(squash(in, 0).get(0)));
        rebuild(in, false, Set.of());
    }

    @Test
    void aDirectoryReplacesAFile() {
        Path in = write(image().layer(layer().file("f", "file").file("g", "G"))
                .layer(layer().dir("f").file("f/x", "X")));
        assertEquals(List.of("f/", "f/x"), names(last(squash(in, 1))));
        assertEquals(List.of("f/", "f/x", "g"), names(squash(in, 0).get(0)));
        rebuild(in, false, Set.of());
    }

    @Test
    void anEntryBelowALowerFileMakesTheDirectoryExplicit() {
        Path in = write(image().layer(layer().file("f", "file"))
                .layer(layer().file("f/x", "X")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("f/", "f/x"), names(top), "without f/ an extractor would find a file in the way");
        rebuild(in, false, Set.of());
    }

    @Test
    void aFileAndADirectorySwappingTwiceInTheSquashedLayers() {
        Path in = write(image().layer(layer().dir("p").file("p/old", "O"))
                .layer(layer().file("p", "file"))
                .layer(layer().whiteout("p").dir("p").file("p/new", "N")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of("p/", "p/.wh..wh..opq", "p/new"), names(top));
        rebuild(in, false, Set.of());
    }

    @Test
    void aRepeatedDirectoryWithNewAttributesIsWrittenAndAnUnchangedOneIsNot() {
        Path in = write(image().layer(layer().dir("etc").dir("usr").file("etc/a", "A").file("usr/b", "B"))
                .layer(layer().dir("etc", 0700).dir("usr").file("usr/c", "C")));
        assertEquals(List.of("etc/", "usr/c"), names(last(squash(in, 1))));
    }

    // ------------------------------------------------------------------------------------------- hard links

    @Test
    void aHardLinkKeepsItsBytesWhenItsTargetIsOverwritten() {
        Path in = write(image().layer(layer().file("a", "first").hardlink("b", "a"))
                .layer(layer().file("a", "second")));
        List<LayerEntry> all = squash(in, 0).get(0);
        assertEquals(TarEntry.Type.FILE, find(all, "b").type(), "b carries the bytes a used to have");
        assertEquals(5, find(all, "b").size());
        squash(in, 1);
        rebuild(in, false, Set.of());
    }

    @Test
    void aHardLinkGroupIsRePointedWhenItsTargetIsDeleted() {
        Path in = write(image().layer(layer().dir("z").file("z/a", 3000).hardlink("c", "z/a").hardlink("b", "z/a"))
                .layer(layer().whiteout("z/a")));
        List<LayerEntry> all = squash(in, 0).get(0);
        assertEquals(TarEntry.Type.FILE, find(all, "b").type());
        assertEquals(TarEntry.Type.HARDLINK, find(all, "c").type());
        assertEquals("b", find(all, "c").linkTarget());
        assertEquals(List.of(".wh.a"), names(last(squash(in, 1))).stream().map(n -> n.substring(2)).toList());
        rebuild(in, false, Set.of());
    }

    @Test
    void aHardLinkToABaseLayerFileKeepsItsBytesWhenTheBaseNameIsDeleted() {
        Path in = write(image().layer(layer().file("a", 5000))
                .layer(layer().hardlink("b", "a"))
                .layer(layer().whiteout("a")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(List.of(".wh.a", "b"), names(top));
        assertEquals(TarEntry.Type.FILE, find(top, "b").type(), "the bytes come from the unsquashed layer");
        assertEquals(5000, find(top, "b").size());
        rebuild(in, false, Set.of());
    }

    @Test
    void aLinkToAFileOfAnUnsquashedLayerStaysALink() {
        Path in = write(image().layer(layer().file("a", 5000))
                .layer(layer().hardlink("b", "a").file("c", "C")));
        List<LayerEntry> top = last(squash(in, 1));
        assertEquals(TarEntry.Type.HARDLINK, find(top, "b").type());
        assertEquals("a", find(top, "b").linkTarget());
    }

    @Test
    void aHardLinkChainKeepsTheOldBytes() {
        Path in = write(image().layer(layer().file("a", "AAAA").hardlink("b", "a").hardlink("c", "b"))
                .layer(layer().file("a", "new a").file("b", "new b")));
        List<LayerEntry> all = squash(in, 0).get(0);
        assertEquals(TarEntry.Type.FILE, find(all, "c").type());
        assertEquals(4, find(all, "c").size());
        rebuild(in, false, Set.of());
    }

    @Test
    void aLinkThatSortsBeforeItsTargetIsWrittenAfterIt() {
        Path in = write(image().layer(layer().dir("z").file("z/target", 2000).dir("a").hardlink("a/link", "z/target"))
                .layer(layer().file("other", "x")));
        List<LayerEntry> all = squash(in, 0).get(0);
        List<String> n = names(all);
        assertTrue(n.indexOf("a/link") > n.indexOf("z/target"), n.toString());
        assertEquals(TarEntry.Type.FILE, find(all, "z/target").type(), "the name that wrote the bytes keeps them");
        assertEquals("z/target", find(all, "a/link").linkTarget());
    }

    @Test
    void rebuildKeepsADeadNameAKeptLinkNeeds() {
        Path in = write(image().layer(layer().file("a", 4000).hardlink("b", "a"))
                .layer(layer().file("big", 9000))
                .layer(layer().file("a", "replaced").whiteout("big")));
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals("copied", r.layers().get(0).action(), "a's bytes are alive through b: layer 0 stays as it is");
        assertEquals(List.of(1), r.removedLayers().stream().map(RewriteReport.RemovedLayer::index).toList());
    }

    @Test
    void rebuildRewritesALayerWhoseDeadLinkNamesDroppedBytes() {
        Path in = write(image().layer(layer().file("a", 4000).file("keep", "K"))
                .layer(layer().hardlink("b", "a").file("other", "O"))
                .layer(layer().whiteout("a").whiteout("b")));
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals("rewritten", r.layers().get(0).action());
        assertEquals("rewritten", r.layers().get(1).action(), "b would dangle without a");
        assertEquals(2, r.layers().size());
    }

    // ------------------------------------------------------------------------------------------- links, attributes

    @Test
    void symlinksAreKeptAsTheyAre() {
        Path in = write(image().layer(layer().dir("bin").file("bin/busybox", 100).symlink("bin/sh", "/bin/busybox")
                        .symlink("up", "../../../etc/passwd").symlink("rel", "bin/busybox"))
                .layer(layer().symlink("bin/sh", "busybox").symlink("abs", "/nowhere")));
        List<LayerEntry> all = squash(in, 0).get(0);
        assertEquals("busybox", find(all, "bin/sh").linkTarget());
        assertEquals("../../../etc/passwd", find(all, "up").linkTarget());
        assertEquals("/nowhere", find(all, "abs").linkTarget());
        squash(in, 1);
        rebuild(in, false, Set.of());
    }

    @Test
    void ownershipModesTimesXattrsPaxRecordsAndDevicesArePreserved() {
        Map<String, String> pax = new LinkedHashMap<>();
        pax.put("mtime", "1234567890.25");
        pax.put("atime", "1234567999.5");
        pax.put("SCHILY.xattr.security.capability", "\u0001\u0000\u0000\u0002");
        pax.put("SCHILY.xattr.user.note", "hello");
        pax.put("LIBARCHIVE.creationtime", "1000000000");
        String longName = "opt/" + "very-long-directory-name/".repeat(5) + "file.txt";
        String longLink = "/usr/lib/" + "x".repeat(120);
        TestImages.Layer l0 = layer().dir("opt").dir("usr");
        l0.tar.raw(entry(h("usr/su", '0', 04755, 0, 0, 1234567890L, 3, "", pax), text("su!")));
        l0.tar.raw(entry(h("usr/app", '0', 02750, 1000, 2000, 1500000000L, 4, "", Map.of()), text("app!")));
        l0.tar.raw(entry(h("usr/big-uid", '0', 0600, 3_000_000L, 4_000_000L, 1600000000L, 1, "", Map.of()),
                text("u")));
        l0.tar.raw(entry(h(longName, '0', 0644, 0, 0, 1700000000L, 2, "", Map.of()), text("ln")));
        l0.tar.raw(entry(h("usr/longlink", '2', 0777, 0, 0, 1700000000L, 0, longLink, Map.of()), null));
        l0.tar.raw(entry(new TarWriter.Header("dev-null", '3', 0666, 0, 0, "", "", 1700000000L, 0, "", 1, 3,
                Map.of()), null));
        l0.tar.raw(entry(new TarWriter.Header("dev-sda", '4', 0660, 0, 6, "", "", 1700000000L, 0, "", 8, 0,
                Map.of()), null));
        l0.fifo("pipe");
        Path in = write(image().layer(l0).layer(layer().file("later", "L")));
        List<LayerEntry> all = squash(in, 0).get(0);
        LayerEntry su = find(all, "usr/su");
        assertEquals(04755, su.mode());
        assertEquals("1234567890.25", su.pax().get("mtime"));
        assertEquals("1234567999.5", su.pax().get("atime"));
        assertEquals("1000000000", su.pax().get("LIBARCHIVE.creationtime"));
        assertEquals("hello", su.xattrs().get("user.note"));
        assertEquals("u0", su.uname());
        LayerEntry big = find(all, "usr/big-uid");
        assertEquals(3_000_000L, big.uid());
        assertEquals(4_000_000L, big.gid());
        assertEquals(longLink, find(all, "usr/longlink").linkTarget());
        assertEquals(longName, find(all, longName).name());
        LayerEntry sda = find(all, "dev-sda");
        assertEquals(TarEntry.Type.BLOCK_DEVICE, sda.type());
        assertEquals(8, sda.devMajor());
        assertEquals(TarEntry.Type.FIFO, find(all, "pipe").type());
        assertEquals(1500000000L, find(all, "usr/app").mtime());
        rebuild(in, false, Set.of());
    }

    @Test
    void theRootEntryKeepsItsAttributes() {
        TestImages.Layer l1 = layer().file("x", "X");
        l1.tar.raw(entry(new TarWriter.Header("./", '5', 0750, 0, 0, "", "", 1700000001L, 0, "", 0, 0, Map.of()),
                null));
        Path in = write(image().layer(layer().file("a", "A")).layer(l1));
        List<LayerEntry> top = last(squash(in, 1));
        LayerEntry root = find(top, "./");
        assertEquals(0750, root.mode());
        assertEquals(1700000001L, root.mtime());
    }

    @Test
    void anEntryClimbingOutOfTheRootIsNotCarriedOver() {
        TestImages.Layer l1 = layer().file("ok", "OK");
        l1.tar.raw(entry(h("../evil", '0', 0644, 0, 0, 1, 4, "", Map.of()), text("evil")));
        Path in = write(image().layer(layer().file("a", "A")).layer(l1));
        assertEquals(List.of("ok"), names(last(squash(in, 1))));
    }

    // ------------------------------------------------------------------------------------------- rebuild

    @Test
    void aPathWrittenTwiceInOneLayerKeepsTheLastVersion() {
        Path in = write(image().layer(layer().file("a", 3000).file("b", "B").file("a", "short")));
        List<LayerEntry> all = squash(in, 0).get(0);
        assertEquals(5, find(all, "a").size());
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals("rewritten", r.layers().get(0).action());
        assertEquals(512 + 3072, r.layers().get(0).bytesSaved(), "a header and 3000 bytes padded to 512");
    }

    @Test
    void rebuildLeavesLayersWithoutWasteUntouchedAndDropsEmptyOnes() {
        Path in = write(image().emptyHistory()
                .layer(layer().dir("usr").file("usr/base", 5000))
                .layer(layer().dir("tmp").file("tmp/build.o", 20000).file("tmp/keep", "K"))
                .layer(layer())
                .layer(layer().dir("tmp").whiteout("tmp/build.o")));
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals(List.of("copied", "rewritten"), r.layers().stream().map(RewriteReport.Layer::action).toList());
        assertEquals(List.of(2, 3), r.removedLayers().stream().map(RewriteReport.RemovedLayer::index).toList());
        assertEquals(512 + 20480, r.layers().get(1).bytesSaved(), "a header and 20000 bytes padded to 512");
    }

    /** What rebuild did with input layer {@code i}: copied, rewritten or removed. */
    private static String actionOf(RewriteReport r, int i) {
        for (RewriteReport.Layer l : r.layers()) {
            if (l.from().contains(i)) {
                return l.action();
            }
        }
        for (RewriteReport.RemovedLayer l : r.removedLayers()) {
            if (l.index() == i) {
                return "removed";
            }
        }
        throw new AssertionError("layer " + i + " missing from the report");
    }

    @Test
    void rebuildKeepsADeadDirectoryThatReplacedAFileWhileLaterLayersBuildBelowIt() {
        Path in = write(image().layer(layer().file("x", new byte[0], 0644).file("base", "B"))
                .layer(layer().dir("x").file("waste", 6000))
                .layer(layer().file("x/y", new byte[0], 0644))
                .layer(layer().whiteout("x").whiteout("waste")));
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals(List.of("copied", "rewritten", "copied"), List.of(actionOf(r, 0), actionOf(r, 1),
                actionOf(r, 2)), "x/ stays in layer 1 so that layer 2 finds a directory at x");
        Path out = tmp.resolve("check1.tar");
        ImageRewriter.rebuild(in, out, false, opts());
        assertEquals(List.of("x/"), names(ImageAnalyzer.analyze(out, ImageOptions.defaults()).get(0).entries()
                .get(1).toList()));
    }

    @Test
    void rebuildTurnsADeadFileThatReplacedADirectoryIntoAWhiteout() {
        Path in = write(image().layer(layer().dir("d").file("d/old", new byte[0], 0644))
                .layer(layer().file("d", 5000))
                .layer(layer().whiteout("d").dir("d").file("d/new", "NEW")));
        RewriteReport r = rebuild(in, false, Set.of());
        assertEquals(List.of("copied", "rewritten", "copied"), List.of(actionOf(r, 0), actionOf(r, 1),
                actionOf(r, 2)));
        Path out = tmp.resolve("check2.tar");
        ImageRewriter.rebuild(in, out, false, opts());
        List<LayerEntry> l1 = ImageAnalyzer.analyze(out, ImageOptions.defaults()).get(0).entries().get(1).toList();
        assertEquals(List.of(".wh.d"), names(l1), "the file's bytes go, its removal of d/ stays");
    }

    @Test
    void stripCachesRemovesPackageManagerCachesAndKeepsWhatAptNeeds() {
        TestImages.Layer l1 = layer().dir("var").dir("var/lib").dir("var/lib/apt").dir("var/lib/apt/lists")
                .file("var/lib/apt/lists/lock", new byte[0], 0640).dir("var/lib/apt/lists/partial")
                .file("var/lib/apt/lists/partial/half", 100)
                .file("var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", 8000)
                .dir("var/cache").dir("var/cache/apt").file("var/cache/apt/pkgcache.bin", 3000)
                .file("var/cache/apt/other.conf", "keep").dir("var/cache/apt/archives")
                .file("var/cache/apt/archives/lock", new byte[0], 0640).dir("var/cache/apt/archives/partial")
                .file("var/cache/apt/archives/jq_1.6_amd64.deb", 4000)
                .dir("var/cache/apk").file("var/cache/apk/APKINDEX.tar.gz", 700)
                .dir("root").dir("root/.cache").dir("root/.cache/pip").dir("root/.cache/pip/http")
                .file("root/.cache/pip/http/x", 600)
                .dir("home").dir("home/u").dir("home/u/.npm").dir("home/u/.npm/_cacache")
                .file("home/u/.npm/_cacache/index", 500)
                .dir("usr").dir("usr/local").dir("usr/local/share").dir("usr/local/share/.cache")
                .dir("usr/local/share/.cache/yarn").file("usr/local/share/.cache/yarn/v6", 400)
                .dir("usr/bin").file("usr/bin/jq", 900);
        Path in = write(image().layer(layer().file("etc/os-release", "debian")).layer(l1)
                .layer(layer().file("app", "A")));
        Set<String> removed = Set.of(
                "/var/lib/apt/lists/partial/half",
                "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
                "/var/cache/apt/pkgcache.bin", "/var/cache/apt/archives/jq_1.6_amd64.deb",
                "/var/cache/apk/APKINDEX.tar.gz", "/root/.cache/pip/http", "/home/u/.npm/_cacache/index",
                "/usr/local/share/.cache/yarn/v6");
        RewriteReport r = rebuild(in, true, removed);
        Set<String> reported = new HashSet<>();
        long bytes = 0;
        for (RewriteReport.Cache c : r.caches()) {
            reported.add(c.path().endsWith("/") ? c.path().substring(0, c.path().length() - 1) : c.path());
            bytes += c.bytes();
        }
        assertEquals(removed, reported);
        assertEquals(100 + 8000 + 3000 + 4000 + 700 + 600 + 500 + 400, bytes);
        assertEquals(List.of("copied", "rewritten", "copied"),
                r.layers().stream().map(RewriteReport.Layer::action).toList());
    }
}
