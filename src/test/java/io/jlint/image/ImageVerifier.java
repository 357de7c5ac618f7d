package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checks an image jlint wrote against the image it was made from, independently of the writer's own model:
 * <ul>
 *   <li>the output re-analyses without error (blob digests, diff_ids, config digest verified by the reader), in
 *       both of its views when it is a docker archive (manifest.json, and index.json as an OCI layout);</li>
 *   <li>manifest, index and config agree (descriptor sizes and digests, media types match the blobs'
 *       compression, non-empty history entries == layers);</li>
 *   <li>the merged filesystem (from {@link FileTree}, the reader's reference model) is the same path for path:
 *       type, mode, owner, mtime, size, xattrs, link target, device numbers, and the SHA-256 of every file's
 *       content, computed here by replaying the layers in a deliberately simple model; hard-link groups (names
 *       sharing bytes) are the same;</li>
 *   <li>every whiteout and opaque marker of the new layers hides something of a lower layer.</li>
 * </ul>
 */
public final class ImageVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageVerifier() {
    }

    /** One path of a merged filesystem, as compared. */
    record Item(String type, int mode, long uid, long gid, long mtime, long size, String link, int devMajor,
                int devMinor, Map<String, String> xattrs, String sha256) {
    }

    /** A merged filesystem: items by path, and the hard-link groups (sets of 2+ paths sharing bytes). */
    record Fs(Map<String, Item> items, Set<List<String>> linkGroups, ImageAnalysis analysis) {
    }

    /** Reads image {@code image} (null: the only one) of an archive into an {@link Fs}. */
    static Fs read(Path archive, String image) {
        Map<Integer, Map<Integer, String>> hashes = new ConcurrentHashMap<>();
        List<ImageAnalysis> all = ImageAnalyzer.analyze(archive, ImageOptions.defaults().withImage(image),
                (ref, layer) -> hashingVisitor(hashes.computeIfAbsent(layer, k -> new ConcurrentHashMap<>())));
        assertEquals(1, all.size(), "one image in " + archive);
        ImageAnalysis a = all.get(0);
        Model m = new Model();
        for (int i = 0; i < a.entries().size(); i++) {
            m.apply(i, a.entries().get(i).toList(), hashes.getOrDefault(i, Map.of()));
        }
        Map<String, Item> items = new TreeMap<>();
        Map<String, List<String>> groups = new TreeMap<>();
        for (FileEntry e : a.tree().entries()) {
            String type = e.type().name().toLowerCase(java.util.Locale.ROOT);
            String sha = null;
            String link = "";
            if (e.type() == TarEntry.Type.FILE || e.type() == TarEntry.Type.HARDLINK) {
                Model.V v = m.files.get(e.path());
                if (v != null && v.token != null) {
                    type = "file";
                    sha = v.sha;
                    groups.computeIfAbsent(v.token, k -> new ArrayList<>()).add(e.path());
                } else if (e.type() == TarEntry.Type.FILE) {
                    fail(archive + ": the reader has a file at " + e.path() + " that the replay does not");
                } else {
                    link = e.linkTarget();
                }
            } else if (e.type() == TarEntry.Type.SYMLINK) {
                link = e.linkTarget();
            }
            boolean dev = e.type() == TarEntry.Type.CHAR_DEVICE || e.type() == TarEntry.Type.BLOCK_DEVICE;
            items.put(e.path(), new Item(type, e.mode(), e.uid(), e.gid(), e.mtime(), e.size(), link,
                    dev ? e.devMajor() : 0, dev ? e.devMinor() : 0, e.xattrs(), sha));
        }
        Set<List<String>> linkGroups = new TreeSet<>(Comparator.comparing(Object::toString));
        for (List<String> g : groups.values()) {
            if (g.size() > 1) {
                List<String> s = new ArrayList<>(g);
                s.sort(null);
                linkGroups.add(s);
            }
        }
        return new Fs(items, linkGroups, a);
    }

    private static LayerVisitor hashingVisitor(Map<Integer, String> out) {
        int[] ordinal = {0};
        byte[] buf = new byte[1 << 16];
        return (e, in) -> {
            int k = ordinal[0]++;
            if (e.isRegularFile()) {
                MessageDigest md = sha();
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
                out.put(k, HexFormat.of().formatHex(md.digest()));
            }
        };
    }

    static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The replay model: which bytes each path holds. Whiteouts and opaque markers remove what lower layers put at or
     * below a path; a non-directory removes what was below its path; a hard link shares its target's token.
     */
    static final class Model {
        record V(int layer, String sha, String token) {
        }

        final TreeMap<String, V> files = new TreeMap<>();
        final TreeMap<String, Integer> dirs = new TreeMap<>();
        /** For checks of new layers: markers that hid nothing. */
        final List<String> pointless = new ArrayList<>();

        void apply(int layer, List<LayerEntry> entries, Map<Integer, String> hashes) {
            for (int k = 0; k < entries.size(); k++) {
                LayerEntry e = entries.get(k);
                if (e.path() == null) {
                    continue;
                }
                switch (e.whiteout()) {
                    case FILE -> {
                        if (!removeLower(e.target(), layer, true)) {
                            pointless.add(layer + ":" + e.name());
                        }
                    }
                    case OPAQUE -> {
                        if (!removeLower(e.target(), layer, false)) {
                            pointless.add(layer + ":" + e.name());
                        }
                    }
                    case NONE -> add(layer, k, e, hashes);
                    default -> {
                    }
                }
            }
        }

        private boolean removeLower(String p, int layer, boolean self) {
            boolean any = false;
            String prefix = "/".equals(p) ? "/" : p + "/";
            for (TreeMap<String, ?> m : List.of(files, dirs)) {
                List<String> gone = new ArrayList<>();
                Object own = self ? m.get(p) : null;
                if (own != null && layerOf(own) < layer) {
                    gone.add(p);
                }
                for (Map.Entry<String, ?> x : m.tailMap(prefix, true).entrySet()) {
                    if (!x.getKey().startsWith(prefix)) {
                        break;
                    }
                    if (layerOf(x.getValue()) < layer) {
                        gone.add(x.getKey());
                    }
                }
                gone.forEach(m::remove);
                any |= !gone.isEmpty();
            }
            return any;
        }

        private static int layerOf(Object o) {
            return o instanceof V v ? v.layer : (Integer) o;
        }

        private void removeBelow(String p) {
            String prefix = p + "/";
            files.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
            dirs.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
        }

        private void parents(String p, int layer) {
            int i = p.indexOf('/', 1);
            while (i > 0) {
                String d = p.substring(0, i);
                if (files.remove(d) != null) {
                    dirs.put(d, layer);
                } else {
                    dirs.putIfAbsent(d, layer);
                }
                i = p.indexOf('/', i + 1);
            }
        }

        private void add(int layer, int k, LayerEntry e, Map<Integer, String> hashes) {
            String p = e.path();
            if ("/".equals(p)) {
                return;
            }
            V linked = null;
            if (e.type() == TarEntry.Type.HARDLINK) {
                String t = PathNames.clean(e.linkTarget());
                linked = t == null ? null : files.get("/" + t);
            }
            parents(p, layer);
            if (e.type() == TarEntry.Type.DIRECTORY) {
                files.remove(p);
                dirs.put(p, layer);
                return;
            }
            removeBelow(p);
            dirs.remove(p);
            if (e.isRegularFile()) {
                files.put(p, new V(layer, hashes.get(k), layer + ":" + k));
            } else if (linked != null && linked.token != null) {
                files.put(p, new V(layer, linked.sha, linked.token));
            } else {
                files.put(p, new V(layer, null, null));
            }
        }
    }

    /** Asserts that {@code actual} is {@code expected} with the subtrees at {@code removed} taken out. */
    static void assertSameFs(Fs expected, Fs actual, Set<String> removed, String what) {
        Map<String, Item> exp = new TreeMap<>(expected.items());
        exp.keySet().removeIf(p -> under(p, removed));
        List<String> diffs = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(exp.keySet());
        all.addAll(actual.items().keySet());
        for (String p : all) {
            Item x = exp.get(p);
            Item y = actual.items().get(p);
            if (x == null) {
                diffs.add(p + " appears: " + y);
            } else if (y == null) {
                diffs.add(p + " disappears: " + x);
            } else if (!x.equals(y)) {
                diffs.add(p + ": " + x + " -> " + y);
            }
            if (diffs.size() > 10) {
                break;
            }
        }
        assertTrue(diffs.isEmpty(), what + ": the merged filesystem changed:\n  " + String.join("\n  ", diffs));
        Set<List<String>> groups = new TreeSet<>(Comparator.comparing(Object::toString));
        for (List<String> g : expected.linkGroups()) {
            List<String> kept = g.stream().filter(p -> !under(p, removed)).toList();
            if (kept.size() > 1) {
                groups.add(kept);
            }
        }
        assertEquals(groups.toString(), actual.linkGroups().toString(), what + ": hard-link groups");
    }

    private static boolean under(String p, Set<String> roots) {
        for (String r : roots) {
            if (p.equals(r) || p.startsWith(r + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything this class checks, for one written image, without a report (e.g. one the CLI wrote): the layers
     * jlint wrote are those whose blob is not one of the input's.
     */
    public static void verify(Path input, String image, Path output, Set<String> removed) {
        Fs in = read(input, image);
        Fs out = read(output, "0");
        assertSameFs(in, out, removed, output.toString());
        checkDocuments(output);
        Set<String> inputBlobs = new java.util.HashSet<>();
        in.analysis().layers().forEach(l -> inputBlobs.add(l.digest()));
        List<String> actions = new ArrayList<>();
        out.analysis().layers().forEach(l -> actions.add(inputBlobs.contains(l.digest()) ? "copied" : "new"));
        checkNewLayerMarkers(out, actions);
        if (Files.isRegularFile(output) && hasEntry(output, "manifest.json")) {
            checkOciView(output, out);
        }
    }

    /** Everything this class checks, for one written image, and that the report tells the truth about it. */
    static Fs verify(Path input, String image, Path output, RewriteReport report, Set<String> removed) {
        Fs in = read(input, image);
        Fs out = read(output, "0");      // several names (index.json descriptors) are one image
        assertSameFs(in, out, removed, output.toString());
        checkDocuments(output);
        checkNewLayerMarkers(in, out, report);
        if (Files.isRegularFile(output) && hasEntry(output, "manifest.json")) {
            checkOciView(output, out);
        }
        assertEquals(report.output().layers(), out.analysis().layers().size(), "layers in the report");
        assertEquals(report.output().wastedBytes(), out.analysis().wastedBytes(), "wasted bytes in the report");
        for (RewriteReport.Layer l : report.layers()) {
            LayerInfo li = out.analysis().layers().get(l.index());
            assertEquals(l.diffId(), li.diffId(), "diff_id of layer " + l.index());
            assertEquals(l.size(), li.size(), "size of layer " + l.index());
            if (l.action().equals("copied")) {
                LayerInfo src = in.analysis().layers().get(l.from().get(0));
                assertEquals(src.digest(), li.digest(), "copied layer " + l.index() + " keeps its blob");
                assertEquals(src.diffId(), li.diffId());
            }
        }
        return out;
    }

    /** Markers in layers jlint wrote (merged or rewritten) must each hide something lower. */
    private static void checkNewLayerMarkers(Fs in, Fs out, RewriteReport report) {
        checkNewLayerMarkers(out, report.layers().stream().map(RewriteReport.Layer::action).toList());
    }

    static void checkNewLayerMarkers(Fs out, List<String> actions) {
        Model m = new Model();
        ImageAnalysis a = out.analysis();
        for (int i = 0; i < a.entries().size(); i++) {
            int before = m.pointless.size();
            m.apply(i, a.entries().get(i).toList(), Map.of());
            String action = actions.get(i);
            if (!action.equals("copied")) {
                assertEquals(before, m.pointless.size(), "markers that hide nothing in new layer " + i + ": "
                        + m.pointless.subList(before, m.pointless.size()));
            }
        }
    }

    /** manifest.json / index.json / OCI manifest / config agree with the blobs. */
    static void checkDocuments(Path output) {
        Map<String, byte[]> files = files(output);
        JsonNode index = json(files.get("index.json"));
        assertNotNull(files.get("oci-layout"), "oci-layout");
        JsonNode manifests = index.path("manifests");
        assertTrue(manifests.size() >= 1, "index.json lists the image");
        String manifestDigest = manifests.get(0).path("digest").asText();
        for (JsonNode d : manifests) {
            assertEquals(manifestDigest, d.path("digest").asText(), "one image");
        }
        byte[] mb = blob(files, manifests.get(0));
        JsonNode man = json(mb);
        assertEquals("application/vnd.oci.image.manifest.v1+json", man.path("mediaType").asText());
        byte[] cb = blob(files, man.path("config"));
        JsonNode config = json(cb);
        JsonNode layers = man.path("layers");
        JsonNode diffIds = config.path("rootfs").path("diff_ids");
        assertEquals(layers.size(), diffIds.size(), "layers == diff_ids");
        int nonEmpty = 0;
        for (JsonNode h : config.path("history")) {
            if (!h.path("empty_layer").asBoolean(false)) {
                nonEmpty++;
            }
        }
        if (config.has("history")) {
            assertEquals(layers.size(), nonEmpty, "non-empty history entries == layers");
        }
        List<String> layerBlobs = new ArrayList<>();
        for (JsonNode l : layers) {
            byte[] b = blob(files, l);
            Compression c = Compression.sniff(java.util.Arrays.copyOf(b, Math.min(b.length, 8)));
            String mt = l.path("mediaType").asText();
            String want = switch (c) {
                case NONE -> "application/vnd.oci.image.layer.v1.tar";
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
                default -> "?";
            };
            assertEquals(want, mt, "media type of " + l.path("digest").asText());
            layerBlobs.add("blobs/sha256/" + l.path("digest").asText().substring(7));
        }
        byte[] dm = files.get("manifest.json");
        if (dm != null) {
            JsonNode d = json(dm).get(0);
            assertEquals("blobs/sha256/" + man.path("config").path("digest").asText().substring(7),
                    d.path("Config").asText());
            List<String> ls = new ArrayList<>();
            d.path("Layers").forEach(x -> ls.add(x.asText()));
            assertEquals(layerBlobs, ls, "manifest.json Layers");
        }
    }

    private static byte[] blob(Map<String, byte[]> files, JsonNode desc) {
        String digest = desc.path("digest").asText();
        byte[] b = files.get("blobs/sha256/" + digest.substring(7));
        assertNotNull(b, "blob " + digest);
        assertEquals(desc.path("size").asLong(), b.length, "size of " + digest);
        assertEquals(digest, TestImages.sha256(b), "digest of " + digest);
        return b;
    }

    private static JsonNode json(byte[] b) {
        assertNotNull(b);
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of an output: a tar's regular entries or a layout directory's files (tests use small images). */
    static Map<String, byte[]> files(Path output) {
        Map<String, byte[]> m = new HashMap<>();
        try {
            if (Files.isDirectory(output)) {
                try (Stream<Path> s = Files.walk(output)) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) {
                        m.put(output.relativize(p).toString(), Files.readAllBytes(p));
                    }
                }
                return m;
            }
            try (InputStream in = Files.newInputStream(output)) {
                TarReader t = new TarReader(in);
                TarEntry e;
                while ((e = t.next()) != null) {
                    if (e.type() == TarEntry.Type.FILE) {
                        assertTrue(m.put(e.name(), t.content().readAllBytes()) == null, "one entry " + e.name());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static boolean hasEntry(Path tar, String name) {
        return files(tar).containsKey(name);
    }

    /** A docker archive jlint writes is also an OCI layout: read it that way and compare. */
    private static void checkOciView(Path output, Fs dockerView) {
        try {
            Path dir = Files.createTempDirectory("jlint-ociview-");
            try {
                for (Map.Entry<String, byte[]> f : files(output).entrySet()) {
                    if (f.getKey().equals("manifest.json")) {
                        continue;
                    }
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.write(p, f.getValue());
                }
                Fs oci = read(dir, "0");
                assertEquals("oci-layout", oci.analysis().format());
                assertEquals(dockerView.analysis().config().diffIds(), oci.analysis().config().diffIds());
                assertEquals(dockerView.items(), oci.items(), "the OCI view has the same filesystem");
            } finally {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
