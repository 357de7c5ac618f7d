package io.jlint.image;

import static io.jlint.image.TestImages.image;
import static io.jlint.image.TestImages.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real container tools read what jlint writes: skopeo inspects and converts the docker archive, umoci unpacks the
 * OCI layout, and buildah (vfs storage, private root) pulls the input and the output, mounts both and the two root
 * filesystems are compared file by file (type, mode, owner, size, content, link target, hard links, file mtimes).
 * Skipped with a message when a tool is missing; failing instead when {@code CI=true}.
 */
class RealToolsTest {

    @TempDir
    Path tmp;

    private static void need(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        String msg = tool + " is not installed (apt-get install -y --no-install-recommends skopeo buildah umoci)";
        if ("true".equals(System.getenv("CI"))) {
            fail(msg + "; CI=true requires it");
        }
        Assumptions.abort(msg + ": skipped");
    }

    /** Output of a successful run of {@code cmd} (fails the test on a non-zero exit). */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        String s = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + s);
        return s;
    }

    private Path write(TestImages.Image img) {
        Path p = tmp.resolve("edge.tar");
        TestImages.write(img, TestImages.Layout.DOCKER_LEGACY, p);
        return p;
    }

    /** The edge cases real extractors must agree on, in one image. */
    private Path edgeImage() {
        return write(image()
                .layer(layer().dir("d").file("d/a", "A").dir("d/sub").file("d/sub/s", "S").file("f", "file")
                        .file("h/target", 3000).hardlink("h/l1", "h/target").hardlink("h/l2", "h/target")
                        .dir("gone").file("gone/x", 2000).file("b/base", 4000)
                        .dir("o").file("o/1", "1").file("o/2", "2"))
                .layer(layer().whiteout("d").dir("f").file("f/x", "below a former file")
                        .hardlink("b/link", "b/base").symlink("abs", "/d/n").symlink("rel", "../../etc/passwd"))
                .layer(layer().dir("d").file("d/n", "N").file("h/target", "overwritten").whiteout("gone")
                        .whiteout("b/base").dir("o").opaque("o").file("o/3", "3")));
    }

    /** Rebuild drops dead entries; these two must stay in some form or extraction fails or changes. */
    private Path replacementImage() {
        Path p = tmp.resolve("replacements.tar");
        TestImages.write(image()
                .layer(layer().file("x", new byte[0], 0644).dir("d").file("d/old", new byte[0], 0644).dir("etc")
                        .file("etc/a", "a").file("etc/b", "b").file("keep", "k"))
                .layer(layer().dir("x").file("waste", 6000).file("d", 5000))
                .layer(layer().file("x/y", new byte[0], 0644))
                .layer(layer().whiteout("x").whiteout("waste").whiteout("d").dir("d").file("d/new", "N")),
                TestImages.Layout.DOCKER_LEGACY, p);
        return p;
    }

    // ------------------------------------------------------------------------------------------- skopeo

    @Test
    void skopeoInspectsAndCopiesTheDockerArchive() throws Exception {
        need("skopeo");
        Path in = Shared.image("buildah/docker-archive/bb-opaque.tar");
        Path out = tmp.resolve("sq.tar");
        RewriteReport r = ImageRewriter.squash(in, out, new ImageRewriter.SquashRange(2, null),
                RewriteOptions.defaults().withTags(List.of("jlint/bb-opaque:squashed")));
        JsonNode inspect = new ObjectMapper().readTree(run(List.of("skopeo", "inspect", "docker-archive:" + out)));
        List<String> layers = new ArrayList<>();
        inspect.path("Layers").forEach(l -> layers.add(l.asText()));
        assertEquals(r.layers().stream().map(RewriteReport.Layer::diffId).toList(), layers);
        assertEquals("linux", inspect.path("Os").asText());
        Path oci = tmp.resolve("copied");
        run(List.of("skopeo", "copy", "-q", "docker-archive:" + out, "oci:" + oci + ":copied"));
        ImageVerifier.assertSameFs(ImageVerifier.read(in, null), ImageVerifier.read(oci, null), Set.of(),
                "skopeo's OCI copy of the squashed image");
        Path ociOut = tmp.resolve("jlint.oci.tar");
        ImageRewriter.rebuild(in, ociOut, false, RewriteOptions.defaults().withFormat(RewriteOptions.Format.OCI)
                .withTags(List.of("jlint/bb:rebuilt")));
        run(List.of("skopeo", "inspect", "oci-archive:" + ociOut + ":rebuilt"));
        Path back = tmp.resolve("back.tar");
        run(List.of("skopeo", "copy", "-q", "oci-archive:" + ociOut + ":rebuilt", "docker-archive:" + back));
        ImageVerifier.assertSameFs(ImageVerifier.read(in, null), ImageVerifier.read(back, null), Set.of(),
                "skopeo's docker copy of the rebuilt OCI archive");
    }

    // ------------------------------------------------------------------------------------------- umoci

    @Test
    void umociUnpacksTheOciLayout() throws Exception {
        need("umoci");
        for (Path in : List.of(Shared.image("dockle/symbolic.tar"), edgeImage())) {
            Path in2 = in;
            Path layout = tmp.resolve("layout-" + in.getFileName().toString().replace(".tar", ""));
            ImageRewriter.squash(in2, layout, ImageRewriter.SquashRange.all(), RewriteOptions.defaults()
                    .withFormat(RewriteOptions.Format.OCI).withTags(List.of("t/x:v1")));
            Path bundle = tmp.resolve("bundle-" + in.getFileName());
            run(List.of("umoci", "unpack", "--image", layout + ":v1", bundle.toString()));
            Map<String, Node> got = walk(bundle.resolve("rootfs"));
            Map<String, Node> want = expected(ImageVerifier.read(in2, null));
            assertSameTree(want, got, "umoci unpack of the squashed " + in.getFileName());
            delete(bundle);
        }
    }

    // ------------------------------------------------------------------------------------------- buildah

    @Test
    void buildahMountsTheSameRootFilesystemAsTheInput() throws Exception {
        need("buildah");
        Path root = tmp.resolve("buildah");
        List<String> b = List.of("buildah", "--root", root.resolve("root").toString(), "--runroot",
                root.resolve("run").toString(), "--storage-driver", "vfs");
        try {
            Path edge = edgeImage();
            record Case(String name, Path in, String op) {
            }
            List<Case> cases = List.of(
                    new Case("edge-squash-all", edge, "all"),
                    new Case("edge-squash-last2", edge, "last2"),
                    new Case("edge-rebuild", edge, "rebuild"),
                    new Case("replacements-rebuild", replacementImage(), "rebuild"),
                    new Case("symbolic-squash-from1", Shared.image("dockle/symbolic.tar"), "from1"),
                    new Case("dive-squash-last3", Shared.image("dive/test-docker-image.tar"), "last3"),
                    new Case("overwrite-rebuild", Shared.image("buildah/docker-archive/bb-overwrite.tar"),
                            "rebuild"),
                    new Case("opaque-vfs-squash", Shared.image("buildah/oci-archive/bb-opaque-vfs.oci.tar"), "all"));
            Map<Path, Map<String, Node>> inputs = new java.util.HashMap<>();
            for (Case c : cases) {
                Path out = tmp.resolve(c.name() + ".tar");
                RewriteOptions o = RewriteOptions.defaults().withTags(List.of("jlint/" + c.name() + ":out"));
                switch (c.op()) {
                    case "all" -> ImageRewriter.squash(c.in(), out, ImageRewriter.SquashRange.all(), o);
                    case "last2" -> ImageRewriter.squash(c.in(), out, new ImageRewriter.SquashRange(2, null), o);
                    case "last3" -> ImageRewriter.squash(c.in(), out, new ImageRewriter.SquashRange(3, null), o);
                    case "from1" -> ImageRewriter.squash(c.in(), out, new ImageRewriter.SquashRange(null, "1"), o);
                    case "rebuild" -> ImageRewriter.rebuild(c.in(), out, false, o);
                    default -> throw new IllegalStateException();
                }
                Map<String, Node> want = inputs.get(c.in());
                if (want == null) {
                    String transport = c.in().toString().endsWith(".oci.tar") ? "oci-archive:" : "docker-archive:";
                    want = mounted(b, transport + c.in());
                    inputs.put(c.in(), want);
                }
                Map<String, Node> got = mounted(b, "docker-archive:" + out);
                assertSameTree(want, got, "buildah: " + c.name());
            }
        } finally {
            cleanup(b, root);
        }
    }

    /** Pulls an image into the private store, mounts a container of it, walks the root, removes the container. */
    private static Map<String, Node> mounted(List<String> b, String ref) throws Exception {
        String id = last(run(concat(b, "pull", "-q", ref)));
        String ctr = last(run(concat(b, "from", "--pull=never", id)));
        try {
            Path mnt = Path.of(last(run(concat(b, "mount", ctr))));
            Map<String, Node> tree = walk(mnt);
            run(concat(b, "umount", ctr));
            return tree;
        } finally {
            run(concat(b, "rm", ctr));
            run(concat(b, "rmi", "-f", id));
        }
    }

    private static void cleanup(List<String> b, Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        for (String[] args : new String[][] {{"rm", "-a"}, {"rmi", "-a", "-f"}}) {
            try {
                run(concat(b, args));
            } catch (AssertionError | Exception e) {
                // best effort: the store is deleted below
            }
        }
        List<String> mounts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 1 && f[1].startsWith(root.toString())) {
                mounts.add(f[1]);
            }
        }
        mounts.sort(Comparator.reverseOrder());
        for (String m : mounts) {
            try {
                run(List.of("umount", m));
            } catch (AssertionError | Exception e) {
                // left for the temp dir cleanup to report
            }
        }
        delete(root);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> l = new ArrayList<>(base);
        l.addAll(List.of(more));
        return l;
    }

    private static String last(String out) {
        String[] lines = out.trim().split("\n");
        return lines[lines.length - 1].trim();
    }

    // ------------------------------------------------------------------------------------------- trees

    /** A path of an extracted root filesystem. */
    record Node(String type, int mode, long uid, long gid, long size, String sha256, String link, long mtime,
                long rdev) {
    }

    /** Walks an extracted root: every path but the root, with hard links as a group key in {@code link}. */
    private static Map<String, Node> walk(Path root) throws IOException {
        Map<String, Node> m = new TreeMap<>();
        Map<Object, List<String>> inodes = new TreeMap<>(Comparator.comparing(Object::toString));
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = "/" + root.relativize(p).toString();
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,ino,nlink,rdev,"
                        + "lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
                BasicFileAttributes ba = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) a.get("mode");
                int fmt = mode & 0170000;
                String type;
                String sha = null;
                String link = "";
                long size = 0;
                long rdev = 0;
                long mtime = 0;
                if (ba.isSymbolicLink()) {
                    type = "symlink";
                    link = Files.readSymbolicLink(p).toString();
                } else if (ba.isDirectory()) {
                    type = "dir";
                } else if (ba.isRegularFile()) {
                    type = "file";
                    size = ba.size();
                    sha = sha256(p);
                    mtime = ba.lastModifiedTime().toMillis() / 1000;
                    if ((Integer) a.get("nlink") > 1) {
                        inodes.computeIfAbsent(a.get("ino"), k -> new ArrayList<>()).add(rel);
                    }
                } else {
                    type = fmt == 0020000 ? "char" : fmt == 0060000 ? "block" : fmt == 0010000 ? "fifo" : "other";
                    rdev = (Long) a.get("rdev");
                }
                m.put(rel, new Node(type, mode & 07777, ((Number) a.get("uid")).longValue(),
                        ((Number) a.get("gid")).longValue(), size, sha, link, mtime, rdev));
            }
        }
        for (List<String> group : inodes.values()) {
            if (group.size() > 1) {
                group.sort(null);
                for (String p : group) {
                    Node n = m.get(p);
                    m.put(p, new Node(n.type(), n.mode(), n.uid(), n.gid(), n.size(), n.sha256(),
                            "hardlink-group:" + group, n.mtime(), n.rdev()));
                }
            }
        }
        return m;
    }

    /** The tree an extractor should produce for the filesystem jlint's reader describes. */
    private static Map<String, Node> expected(ImageVerifier.Fs fs) {
        Map<String, String> groups = new TreeMap<>();
        for (List<String> g : fs.linkGroups()) {
            for (String p : g) {
                groups.put(p, "hardlink-group:" + g);
            }
        }
        Map<String, Node> m = new TreeMap<>();
        for (Map.Entry<String, ImageVerifier.Item> e : fs.items().entrySet()) {
            ImageVerifier.Item i = e.getValue();
            String type = switch (i.type()) {
                case "directory" -> "dir";
                case "char_device" -> "char";
                case "block_device" -> "block";
                default -> i.type();
            };
            boolean file = type.equals("file");
            long rdev = type.equals("char") || type.equals("block") ? ((long) i.devMajor() << 8) | i.devMinor() : 0;
            m.put(e.getKey(), new Node(type, i.mode(), i.uid(), i.gid(), file ? i.size() : 0, i.sha256(),
                    file ? groups.getOrDefault(e.getKey(), "") : i.link(), file ? i.mtime() : 0, rdev));
        }
        return m;
    }

    private static void assertSameTree(Map<String, Node> want, Map<String, Node> got, String what) {
        List<String> diffs = new ArrayList<>();
        for (String p : new TreeSet<>(concatKeys(want, got))) {
            Node a = want.get(p);
            Node b = got.get(p);
            if (a == null || b == null || !a.equals(b)) {
                diffs.add(p + ": " + a + " -> " + b);
            }
        }
        assertTrue(diffs.isEmpty(), what + " differs:\n  " + String.join("\n  ", diffs.subList(0,
                Math.min(12, diffs.size()))));
        assertTrue(want.size() > 5, what + ": a real tree was compared");
    }

    private static Set<String> concatKeys(Map<String, Node> a, Map<String, Node> b) {
        Set<String> s = new TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest md = ImageVerifier.sha();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
