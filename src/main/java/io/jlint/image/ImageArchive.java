package io.jlint.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jlint.engine.InputException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * An opened image archive: a {@code docker save} tar (legacy layout, Docker 25+ layout, kaniko/ggcr/jib
 * tarballs), an OCI image layout (directory or tar), optionally gzip- or zstd-compressed as a whole. Detected by
 * content, never by file name.
 *
 * <p>{@link #open} reads only headers and the small JSON documents (manifests, index, configs) and verifies their
 * digests; {@link #scanLayer} streams one layer blob through a {@link LayerVisitor}, verifying its digest and
 * diff_id on the way. It is safe to scan different layers from several threads at once.
 *
 * <pre>{@code
 * try (ImageArchive a = ImageArchive.open(path, null)) {
 *     for (ImageRef img : a.images()) {
 *         for (LayerRef l : img.layers()) {
 *             a.scanLayer(img, l.index(), (entry, content) -> { ... }, ImageOptions.DEFAULT_MAX_LAYER_SIZE);
 *         }
 *     }
 * }
 * }</pre>
 */
public final class ImageArchive implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int JSON_LIMIT = 16 << 20;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    /** Beyond this many uncompressed bytes, a compression ratio above {@link #MAX_RATIO} stops the read. */
    static final long RATIO_GUARD_FROM = 1L << 30;
    static final long MAX_RATIO = 1000;
    /** Compressed blobs at least this big are inflated on helper threads ({@link Pipeline}). */
    static final long PIPELINE_FROM = 1L << 20;

    private final ArchiveStore store;
    private final List<ImageRef> images;
    private final String format;

    private ImageArchive(ArchiveStore store, String format, List<ImageRef> images) {
        this.store = store;
        this.format = format;
        this.images = List.copyOf(images);
    }

    /**
     * Opens and resolves an archive.
     *
     * @param platform the platform to pick from multi-platform indexes; null: the host's ({@link Platform#host()}),
     *                 and an index with a single image is then used whatever its platform
     * @throws InputException for anything that is not a readable, consistent image archive
     */
    public static ImageArchive open(Path path, Platform platform) {
        ArchiveStore store = ArchiveStore.open(path);
        try {
            Locator loc = new Locator(store, platform);
            List<ImageRef> refs = loc.locate();
            return new ImageArchive(store, loc.format, refs);
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }

    /** {@code docker-archive}, {@code oci-archive} or {@code oci-layout}. */
    public String format() {
        return format;
    }

    /** "gzip" or "zstd" when the whole archive was compressed, else null. */
    public String archiveCompression() {
        return store.wholeCompression();
    }

    /** The archive's path as given (error messages name it). */
    public String displayName() {
        return store.display();
    }

    /** The images in the archive, in manifest order. */
    public List<ImageRef> images() {
        return images;
    }

    /**
     * The image named {@code name}: a tag (exactly, or without its ":latest"), or a 0-based index among
     * {@link #images()}.
     */
    public ImageRef select(String name) {
        for (ImageRef r : images) {
            for (String t : r.tags()) {
                if (t.equals(name) || t.equals(name + ":latest") || t.endsWith("/" + name)
                        || t.endsWith("/" + name + ":latest")) {
                    return r;
                }
            }
        }
        if (name.matches("\\d{1,6}")) {
            int i = Integer.parseInt(name);
            if (i < images.size()) {
                return images.get(i);
            }
        }
        List<String> names = new ArrayList<>();
        for (ImageRef r : images) {
            names.add(r.index() + (r.tags().isEmpty() ? "" : " (" + String.join(", ", r.tags()) + ")"));
        }
        throw new InputException(store.display(), "no image named " + name + "; the archive has: "
                + String.join("; ", names));
    }

    /**
     * Streams layer {@code index} of {@code image} through {@code visitor} and verifies it: the blob's sha256
     * against the expected digest and size (when the archive states one), the uncompressed tar's sha256 against
     * the config's diff_id.
     *
     * @param maxLayerSize stop (InputException) when the uncompressed layer grows beyond this many bytes; also
     *                     stopped: beyond 1 GiB, a compression ratio above 1000:1
     */
    public LayerScan scanLayer(ImageRef image, int index, LayerVisitor visitor, long maxLayerSize) {
        return scanLayer(image, index, visitor, maxLayerSize, null);
    }

    /**
     * As {@link #scanLayer(ImageRef, int, LayerVisitor, long)}, telling {@code progress} (when not null) how many
     * more stored bytes of the blob were read, as they are read (for a progress display; called on the reading
     * thread).
     */
    public LayerScan scanLayer(ImageRef image, int index, LayerVisitor visitor, long maxLayerSize,
                               java.util.function.LongConsumer progress) {
        LayerRef ref = image.layers().get(index);
        String what = "layer " + index + " (" + ref.blob() + ")";
        ArchiveStore.Blob blob = store.find(ref.blob());
        if (blob == null) {
            throw new InputException(store.display(), what + ": blob missing from the archive");
        }
        if (ref.expectedSize() >= 0 && ref.expectedSize() != blob.size()) {
            throw new InputException(store.display(), what + ": size " + blob.size()
                    + " differs from the manifest's " + ref.expectedSize());
        }
        Pipeline pipeline = null;
        try (InputStream raw = progress == null ? store.open(blob) : new Counting(store.open(blob), progress)) {
            HashingInputStream comp = new HashingInputStream(raw, true);
            PushbackInputStream peek = new PushbackInputStream(comp, 8);
            byte[] head = peek.readNBytes(6);
            peek.unread(head);
            Compression c = Compression.sniff(head);
            if (c == Compression.XZ) {
                throw new InputException(store.display(), what + ": xz-compressed layers are not supported");
            }
            pipeline = c != Compression.NONE && blob.size() >= PIPELINE_FROM ? new Pipeline(peek, c) : null;
            InputStream dec = pipeline != null ? pipeline.output() : c.decompress(peek);
            GuardInputStream guard = new GuardInputStream(dec, comp, maxLayerSize, c != Compression.NONE, what);
            HashingInputStream unc = new HashingInputStream(guard, c != Compression.NONE);
            TarReader tar = new TarReader(unc);
            long headerBytes = 0;
            TarEntry t;
            while ((t = tar.next()) != null) {
                LayerEntry e = LayerEntry.of(index, t);
                if (!".".equals(PathNames.goClean(t.name()))) {
                    headerBytes += t.size();
                }
                visitor.entry(e, tar.content());
            }
            boolean toc = false;
            TarEntry after = tar.nextAfterEnd();
            if (after != null && "stargz.index.json".equals(PathNames.clean(after.name()))) {
                toc = true;
            }
            tar.drain();
            if (pipeline == null) {
                peek.transferTo(OutputStreamNull.INSTANCE);
            }
            String digest = comp.digest();
            String diffId = c == Compression.NONE ? digest : unc.digest();
            long size = c == Compression.NONE ? comp.count() : unc.count();
            if (ref.expectedDigest() != null && !ref.expectedDigest().equals(digest)) {
                throw new InputException(store.display(), what + ": digest mismatch: the manifest says "
                        + ref.expectedDigest() + ", the blob hashes to " + digest);
            }
            if (ref.diffId() != null && !ref.diffId().equals(diffId)) {
                throw new InputException(store.display(), what + ": diff_id mismatch: the config says "
                        + ref.diffId() + ", the uncompressed layer hashes to " + diffId);
            }
            return new LayerScan(digest, diffId, c, comp.count(), size, tar.entryCount(), headerBytes, toc);
        } catch (InputException e) {
            throw e;
        } catch (TarException e) {
            throw corrupt(ref, blob, what, e.getMessage(), e);
        } catch (EOFException e) {
            throw corrupt(ref, blob, what, "truncated compressed data", e);
        } catch (ZipException e) {
            throw corrupt(ref, blob, what, "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw corrupt(ref, blob, what, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("com.github.luben.zstd")) {
                throw corrupt(ref, blob, what, "corrupt zstd data (" + e.getMessage() + ")", e);
            }
            throw e;
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }

    /**
     * The error for a blob that could not be read to its end: a digest mismatch when the archive states the
     * blob's digest and the bytes differ (the more precise diagnosis), else what the reader found.
     */
    private InputException corrupt(LayerRef ref, ArchiveStore.Blob blob, String what, String problem, Exception e) {
        if (ref.expectedDigest() != null) {
            try (InputStream in = store.open(blob)) {
                HashingInputStream h = new HashingInputStream(in, true);
                h.transferTo(OutputStreamNull.INSTANCE);
                String digest = h.digest();
                if (!digest.equals(ref.expectedDigest())) {
                    return new InputException(store.display(), what + ": digest mismatch: the manifest says "
                            + ref.expectedDigest() + ", the blob hashes to " + digest + " (" + problem + ")", e);
                }
            } catch (IOException ignored) {
                // report the original problem
            }
        }
        return new InputException(store.display(), what + ": " + problem, e);
    }

    /**
     * Opens layer {@code index}'s blob as stored (compressed or not), for writers that copy it unchanged. Nothing
     * is verified here: callers copy blobs that {@link #scanLayer} verified and check the digest of what they copy.
     */
    InputStream openLayerBlob(ImageRef image, int index) throws IOException {
        LayerRef ref = image.layers().get(index);
        ArchiveStore.Blob blob = store.find(ref.blob());
        if (blob == null) {
            throw new InputException(store.display(), "layer " + index + " (" + ref.blob()
                    + "): blob missing from the archive");
        }
        return store.open(blob);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    /** The stored size of layer {@code index}'s blob (what {@link #scanLayer} reads), or -1 when it is missing. */
    public long blobSize(ImageRef image, int index) {
        ArchiveStore.Blob blob = store.find(image.layers().get(index).blob());
        return blob == null ? -1 : blob.size();
    }

    /** Reports the bytes read through it. */
    private static final class Counting extends java.io.FilterInputStream {
        private final java.util.function.LongConsumer progress;

        Counting(InputStream in, java.util.function.LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int r = in.read();
            if (r >= 0) {
                progress.accept(1);
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0) {
                progress.accept(r);
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long r = in.skip(n);
            if (r > 0) {
                progress.accept(r);
            }
            return r;
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Stops a decompression bomb: too many bytes, or too high a ratio once past 1 GiB. */
    private final class GuardInputStream extends java.io.FilterInputStream {
        private final HashingInputStream compressed;
        private final long max;
        private final boolean ratio;
        private final String what;
        private long count;

        GuardInputStream(InputStream in, HashingInputStream compressed, long max, boolean ratio, String what) {
            super(in);
            this.compressed = compressed;
            this.max = max;
            this.ratio = ratio;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0) {
                count += r;
                if (count > max) {
                    throw new InputException(store.display(), what + ": uncompressed size exceeds " + max
                            + " bytes; stopped reading (decompression-bomb guard); raise --max-layer-size if the"
                            + " layer is really that large");
                }
                if (ratio && count > RATIO_GUARD_FROM && count > MAX_RATIO * Math.max(1, compressed.count())) {
                    throw new InputException(store.display(), what + ": expands more than " + MAX_RATIO
                            + ":1 beyond 1 GiB; stopped reading (decompression-bomb guard); raise --max-layer-size"
                            + " to read it anyway");
                }
            }
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] tmp = new byte[(int) Math.min(n, 1 << 16)];
            long done = 0;
            while (done < n) {
                int r = read(tmp, 0, (int) Math.min(tmp.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds the images: parses manifest.json or index.json and the manifests and configs they point to. */
    private static final class Locator {
        private final ArchiveStore store;
        private final Platform wanted;
        String format;

        Locator(ArchiveStore store, Platform wanted) {
            this.store = store;
            this.wanted = wanted;
        }

        private InputException bad(String msg) {
            return new InputException(store.display(), msg);
        }

        List<ImageRef> locate() {
            ArchiveStore.Blob manifest = store.isDirectory() ? null : store.find("manifest.json");
            ArchiveStore.Blob index = store.find("index.json");
            if (manifest != null) {
                JsonNode m = parse(manifest, "manifest.json");
                if (m.isNull()) {
                    throw bad("manifest.json is null: the archive describes no image");
                }
                if (m.isArray() && m.isEmpty() && index != null) {
                    return locateOci(index);
                }
                format = "docker-archive";
                return locateDocker(m);
            }
            if (index == null && store.isDirectory()) {
                throw bad("an OCI layout directory without index.json");
            }
            if (index != null) {
                if (store.find("oci-layout") == null) {
                    throw bad("index.json without an oci-layout file: not an OCI image layout");
                }
                return locateOci(index);
            }
            List<String> names = store.names();
            if (names.contains("repositories")
                    || names.stream().anyMatch(n -> n.endsWith("/layer.tar"))) {
                throw bad("a legacy docker save archive without manifest.json (Docker before 1.10); jlint needs"
                        + " the manifest.json that docker save has written since 2016");
            }
            throw bad("a plain tar of files, not an image archive (no manifest.json, no index.json)");
        }

        private JsonNode parse(ArchiveStore.Blob b, String what) {
            return parseBytes(store.readSmall(b, JSON_LIMIT), what);
        }

        private JsonNode parseBytes(byte[] bytes, String what) {
            try {
                JsonNode n = JSON.readTree(bytes);
                if (n == null || n.isMissingNode()) {
                    throw bad(what + " is empty");
                }
                return n;
            } catch (JsonProcessingException e) {
                throw bad(what + " is not valid JSON: " + e.getOriginalMessage()
                        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")" : ""));
            } catch (IOException e) {
                throw bad("cannot read " + what + ": " + e.getMessage());
            }
        }

        private static JsonNode field(JsonNode n, String name) {
            JsonNode v = n.get(name);
            if (v == null) {
                v = n.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
            return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
        }

        private List<ImageRef> locateDocker(JsonNode m) {
            if (!m.isArray()) {
                throw bad("manifest.json is not a list of images");
            }
            if (m.isEmpty()) {
                throw bad("manifest.json lists no images");
            }
            List<ImageRef> out = new ArrayList<>();
            for (int i = 0; i < m.size(); i++) {
                JsonNode e = m.get(i);
                String where = "manifest.json image #" + i;
                String config = field(e, "Config").asText(null);
                if (config == null || config.isEmpty()) {
                    throw bad(where + " has no Config");
                }
                List<String> tags = new ArrayList<>();
                for (JsonNode t : field(e, "RepoTags")) {
                    tags.add(t.asText());
                }
                JsonNode layers = field(e, "Layers");
                if (!layers.isArray()) {
                    throw bad(where + " has no Layers list");
                }
                ArchiveStore.Blob cb = store.find(config);
                if (cb == null) {
                    throw bad("config " + config + " (" + where + ") is missing from the archive");
                }
                byte[] cfgBytes = store.readSmall(cb, JSON_LIMIT);
                String cfgDigest = sha256(cfgBytes);
                String named = contentAddress(config);
                if (named != null && !named.equals(cfgDigest)) {
                    throw bad("config " + config + ": digest mismatch: its name says " + named
                            + ", the blob hashes to " + cfgDigest);
                }
                ImageConfig cfg = Configs.parse(parseBytes(cfgBytes, "config " + config), cfgBytes, store.display(),
                        config);
                if (cfg.diffIds().size() != layers.size()) {
                    throw bad(where + " lists " + layers.size() + " layers but its config " + config + " has "
                            + cfg.diffIds().size() + " diff_ids");
                }
                List<LayerRef> refs = new ArrayList<>();
                for (int l = 0; l < layers.size(); l++) {
                    String name = layers.get(l).asText();
                    refs.add(new LayerRef(l, name, contentAddress(name), -1, null, cfg.diffIds().get(l)));
                }
                if (wanted != null && !wanted.matches(cfg.platform())) {
                    continue;
                }
                out.add(new ImageRef(out.size(), format, tags, config, cfgDigest, cfg, refs, null));
            }
            if (out.isEmpty()) {
                throw bad("no image for platform " + wanted + "; the archive has: " + dockerPlatforms(m));
            }
            return out;
        }

        private String dockerPlatforms(JsonNode m) {
            Set<String> s = new LinkedHashSet<>();
            for (JsonNode e : m) {
                ArchiveStore.Blob cb = store.find(field(e, "Config").asText(""));
                if (cb != null) {
                    JsonNode c = parse(cb, "config");
                    s.add(new Platform(c.path("os").asText(""), c.path("architecture").asText(""),
                            c.path("variant").asText(null)).toString());
                }
            }
            return String.join(", ", s);
        }

        /** The digest a content-addressed blob name states ({@code blobs/sha256/X}, {@code sha256:X}), else null. */
        static String contentAddress(String name) {
            String c = PathNames.clean(name);
            if (c == null) {
                return null;
            }
            if (c.startsWith("blobs/sha256/") && HEX64.matcher(c.substring(13)).matches()) {
                return "sha256:" + c.substring(13);
            }
            if (c.startsWith("sha256:") && HEX64.matcher(c.substring(7)).matches()) {
                return c;
            }
            return null;
        }

        // ---------------------------------------------------------------- OCI

        /** A manifest found under index.json, with the platform and names that lead to it. */
        private record Candidate(JsonNode descriptor, Platform platform, List<String> names, int root) {
        }

        private List<ImageRef> locateOci(ArchiveStore.Blob indexBlob) {
            format = store.isDirectory() ? "oci-layout" : format == null ? "oci-archive" : format;
            if (store.find("oci-layout") == null && !"docker-archive".equals(format)) {
                throw bad("index.json without an oci-layout file: not an OCI image layout");
            }
            JsonNode index = parse(indexBlob, "index.json");
            JsonNode manifests = index.path("manifests");
            if (!manifests.isArray() || manifests.isEmpty()) {
                throw bad("index.json lists no manifests");
            }
            List<List<Candidate>> groups = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                List<Candidate> group = new ArrayList<>();
                collect(manifests.get(i), null, new ArrayList<>(), i, group, 0, "index.json manifests[" + i + "]");
                if (!group.isEmpty()) {
                    groups.add(group);
                }
            }
            List<ImageRef> out = new ArrayList<>();
            Set<String> available = new LinkedHashSet<>();
            for (List<Candidate> group : groups) {
                Candidate chosen = choose(group, available);
                if (chosen != null) {
                    ImageRef r = resolveManifest(chosen, out.size());
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
            if (out.isEmpty()) {
                throw bad("no image for platform " + (wanted != null ? wanted : Platform.host())
                        + "; available: " + String.join(", ", available) + " (choose one with --platform)");
            }
            return out;
        }

        private Candidate choose(List<Candidate> group, Set<String> available) {
            for (Candidate c : group) {
                available.add(c.platform() == null ? "unknown" : c.platform().toString());
            }
            if (group.size() == 1) {
                Candidate c = group.get(0);
                if (wanted == null || c.platform() == null || wanted.matches(c.platform())) {
                    return c;
                }
                return null;
            }
            Platform p = wanted != null ? wanted : Platform.host();
            for (Candidate c : group) {
                if (c.platform() != null && p.matches(c.platform())) {
                    return c;
                }
            }
            return null;
        }

        private void collect(JsonNode desc, Platform inherited, List<String> names, int root,
                             List<Candidate> out, int depth, String where) {
            if (depth > 8) {
                throw bad(where + ": indexes nested too deeply");
            }
            String mt = desc.path("mediaType").asText("");
            JsonNode ann = desc.path("annotations");
            if ("attestation-manifest".equals(ann.path("vnd.docker.reference.type").asText(""))) {
                return;
            }
            List<String> myNames = new ArrayList<>(names);
            String full = ann.path("io.containerd.image.name").asText(null);
            String ref = ann.path("org.opencontainers.image.ref.name").asText(null);
            if (full != null) {
                myNames.add(full);
            } else if (ref != null) {
                myNames.add(ref);
            }
            Platform p = inherited;
            JsonNode pl = desc.path("platform");
            if (pl.isObject()) {
                p = new Platform(pl.path("os").asText(""), pl.path("architecture").asText(""),
                        pl.path("variant").asText(null));
                if ("unknown".equals(p.os()) && "unknown".equals(p.architecture())) {
                    return;     // buildx attestation
                }
            }
            boolean isIndex = mt.equals("application/vnd.oci.image.index.v1+json")
                    || mt.equals("application/vnd.docker.distribution.manifest.list.v2+json");
            boolean isManifest = mt.equals("application/vnd.oci.image.manifest.v1+json")
                    || mt.equals("application/vnd.docker.distribution.manifest.v2+json");
            if (!isIndex && !isManifest) {
                JsonNode doc = readDescribed(desc, where);
                isIndex = doc.has("manifests");
                isManifest = !isIndex && doc.has("layers");
                if (!isIndex && !isManifest) {
                    throw bad(where + ": " + desc.path("digest").asText("?") + " is neither a manifest nor an index");
                }
            }
            if (isIndex) {
                JsonNode doc = readDescribed(desc, where);
                JsonNode children = doc.path("manifests");
                for (int i = 0; i < children.size(); i++) {
                    collect(children.get(i), p, myNames, root, out, depth + 1,
                            "index " + desc.path("digest").asText() + " manifests[" + i + "]");
                }
            } else {
                out.add(new Candidate(desc, p, myNames, root));
            }
        }

        /** Reads and verifies a descriptor's blob (digest and size) and parses it as JSON. */
        private JsonNode readDescribed(JsonNode desc, String where) {
            return parseBytes(readVerified(desc, where), "blob " + desc.path("digest").asText());
        }

        private byte[] readVerified(JsonNode desc, String where) {
            String digest = desc.path("digest").asText(null);
            if (digest == null || !digest.startsWith("sha256:") || !HEX64.matcher(digest.substring(7)).matches()) {
                throw bad(where + ": descriptor without a sha256 digest");
            }
            String name = "blobs/sha256/" + digest.substring(7);
            ArchiveStore.Blob b = store.find(name);
            if (b == null) {
                throw bad(where + ": blob " + name + " is missing");
            }
            long size = desc.path("size").asLong(-1);
            if (size >= 0 && size != b.size()) {
                throw bad("blob " + name + ": size " + b.size() + " differs from the descriptor's " + size);
            }
            byte[] bytes = store.readSmall(b, JSON_LIMIT);
            String actual = sha256(bytes);
            if (!actual.equals(digest)) {
                throw bad("blob " + name + ": digest mismatch: the descriptor says " + digest
                        + ", the blob hashes to " + actual);
            }
            return bytes;
        }

        private ImageRef resolveManifest(Candidate c, int ordinal) {
            String where = "manifest " + c.descriptor().path("digest").asText();
            JsonNode m = readDescribed(c.descriptor(), where);
            JsonNode cfgDesc = m.path("config");
            if (!cfgDesc.isObject()) {
                throw bad(where + " has no config");
            }
            byte[] cfgBytes = readVerified(cfgDesc, where + " config");
            String cfgDigest = cfgDesc.path("digest").asText();
            String cfgName = "blobs/sha256/" + cfgDigest.substring(7);
            ImageConfig cfg = Configs.parse(parseBytes(cfgBytes, "config " + cfgName), cfgBytes, store.display(),
                    cfgName);
            if (c.platform() == null && wanted != null && !wanted.matches(cfg.platform())) {
                return null;
            }
            JsonNode layers = m.path("layers");
            if (!layers.isArray()) {
                throw bad(where + " has no layers list");
            }
            if (cfg.diffIds().size() != layers.size()) {
                throw bad(where + " lists " + layers.size() + " layers but its config has " + cfg.diffIds().size()
                        + " diff_ids");
            }
            List<LayerRef> refs = new ArrayList<>();
            for (int l = 0; l < layers.size(); l++) {
                JsonNode d = layers.get(l);
                String digest = d.path("digest").asText(null);
                if (digest == null || !digest.startsWith("sha256:") || !HEX64.matcher(digest.substring(7)).matches()) {
                    throw bad(where + " layer " + l + ": descriptor without a sha256 digest");
                }
                refs.add(new LayerRef(l, "blobs/sha256/" + digest.substring(7), digest, d.path("size").asLong(-1),
                        d.path("mediaType").asText(null), cfg.diffIds().get(l)));
            }
            return new ImageRef(ordinal, format, c.names(), cfgName, cfgDigest, cfg, refs,
                    c.descriptor().path("digest").asText());
        }
    }

    /** Bytes as UTF-8 text (for small JSON documents kept verbatim). */
    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
