package io.jlint.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Builds tiny reproducible images for tests: layers from a small DSL (file, dir, symlink, hard link, whiteout,
 * opaque marker, device, raw entries), written as a docker-archive (legacy and Docker 25+ layouts), an OCI
 * layout directory or tar, with plain/gzip/zstd layers, optionally gzip-compressed as a whole. Everything is
 * deterministic: fixed mtimes, uid/gid 0, entries in the order given.
 */
final class TestImages {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MTIME = 1_700_000_000L;

    private TestImages() {
    }

    // ------------------------------------------------------------------------------------------ tar writing

    /** A minimal deterministic tar writer: ustar headers, PAX records for long names. */
    static final class Tar {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Tar entry(String name, char type, int mode, byte[] data, String link, int major, int minor) {
            return entry(name, type, mode, data, link, major, minor, data == null ? 0 : data.length);
        }

        Tar entry(String name, char type, int mode, byte[] data, String link, int major, int minor, long sizeField) {
            Map<String, String> pax = new LinkedHashMap<>();
            if (name.getBytes(StandardCharsets.UTF_8).length > 100) {
                pax.put("path", name);
            }
            if (link != null && link.getBytes(StandardCharsets.UTF_8).length > 100) {
                pax.put("linkpath", link);
            }
            if (!pax.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, String> e : pax.entrySet()) {
                    String rec = " " + e.getKey() + "=" + e.getValue() + "\n";
                    int len = rec.getBytes(StandardCharsets.UTF_8).length;
                    int total = len + String.valueOf(len).length();
                    if (String.valueOf(total).length() != String.valueOf(len).length()) {
                        total++;
                    }
                    sb.append(total).append(rec);
                }
                byte[] p = sb.toString().getBytes(StandardCharsets.UTF_8);
                header("PaxHeaders/x", 'x', 0644, p.length, "", 0, 0);
                body(p);
            }
            header(name, type, mode, sizeField, link == null ? "" : link, major, minor);
            if (data != null) {
                body(data);
            }
            return this;
        }

        /** Appends raw bytes (for broken archives). */
        Tar raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        private void header(String name, char type, int mode, long size, String link, int major, int minor) {
            byte[] h = new byte[512];
            put(h, 0, 100, trunc(name, 100));
            put(h, 100, 8, octal(mode, 7));
            put(h, 108, 8, octal(0, 7));
            put(h, 116, 8, octal(0, 7));
            put(h, 124, 12, octal(size, 11));
            put(h, 136, 12, octal(MTIME, 11));
            h[156] = (byte) type;
            put(h, 157, 100, trunc(link, 100));
            put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
            put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
            put(h, 329, 8, octal(major, 7));
            put(h, 337, 8, octal(minor, 7));
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, 8, (String.format("%06o", sum) + "\0 ").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(h);
        }

        private void body(byte[] data) {
            out.writeBytes(data);
            int pad = (512 - data.length % 512) % 512;
            out.writeBytes(new byte[pad]);
        }

        private static byte[] trunc(String s, int n) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return b.length <= n ? b : java.util.Arrays.copyOf(b, n);
        }

        private static byte[] octal(long v, int digits) {
            return (String.format("%0" + digits + "o", v) + "\0").getBytes(StandardCharsets.US_ASCII);
        }

        private static void put(byte[] h, int off, int len, byte[] v) {
            System.arraycopy(v, 0, h, off, Math.min(len, v.length));
        }

        /** The archive with its end marker (two zero blocks). */
        byte[] finish() {
            out.writeBytes(new byte[1024]);
            return out.toByteArray();
        }

        /** The archive without an end marker. */
        byte[] unterminated() {
            return out.toByteArray();
        }
    }

    // ------------------------------------------------------------------------------------------ layers

    /** A layer's entries, in order. */
    static final class Layer {
        final Tar tar = new Tar();
        String createdBy = "RUN step";

        Layer dir(String path) {
            tar.entry(path.endsWith("/") ? path : path + "/", '5', 0755, null, null, 0, 0);
            return this;
        }

        Layer dir(String path, int mode) {
            tar.entry(path.endsWith("/") ? path : path + "/", '5', mode, null, null, 0, 0);
            return this;
        }

        Layer file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8), 0644);
        }

        /** A file of {@code size} deterministic bytes. */
        Layer file(String path, int size) {
            return file(path, TestImages.bytes(size, path.hashCode()), 0644);
        }

        Layer file(String path, byte[] content, int mode) {
            tar.entry(path, '0', mode, content, null, 0, 0);
            return this;
        }

        Layer symlink(String path, String target) {
            tar.entry(path, '2', 0777, null, target, 0, 0);
            return this;
        }

        Layer hardlink(String path, String target) {
            tar.entry(path, '1', 0644, null, target, 0, 0);
            return this;
        }

        /** {@code .wh.NAME} next to {@code path}. */
        Layer whiteout(String path) {
            int slash = path.lastIndexOf('/');
            String wh = slash < 0 ? ".wh." + path : path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
            tar.entry(wh, '0', 0, new byte[0], null, 0, 0);
            return this;
        }

        /** {@code DIR/.wh..wh..opq}. */
        Layer opaque(String dir) {
            tar.entry((dir.isEmpty() ? "" : dir + "/") + ".wh..wh..opq", '0', 0, new byte[0], null, 0, 0);
            return this;
        }

        Layer device(String path, char type, int major, int minor) {
            tar.entry(path, type, 0666, null, null, major, minor);
            return this;
        }

        Layer fifo(String path) {
            tar.entry(path, '6', 0644, null, null, 0, 0);
            return this;
        }

        /** A file whose long name is written as a GNU 'L' record (and a long symlink target as a 'K' record). */
        Layer gnuLong(String path, int size, String longLinkTarget) {
            byte[] n = (path + "\0").getBytes(StandardCharsets.UTF_8);
            tar.entry("././@LongLink", 'L', 0644, n, null, 0, 0);
            tar.entry(path.substring(0, 100), '0', 0644, TestImages.bytes(size, 9), null, 0, 0);
            byte[] k = (longLinkTarget + "\0").getBytes(StandardCharsets.UTF_8);
            tar.entry("././@LongLink", 'K', 0644, k, null, 0, 0);
            tar.entry("link-to-long", '2', 0777, null, longLinkTarget.substring(0, 100), 0, 0);
            return this;
        }

        Layer createdBy(String s) {
            createdBy = s;
            return this;
        }

        byte[] bytes() {
            return tar.finish();
        }
    }

    static Layer layer() {
        return new Layer();
    }

    static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        long x = seed * 6364136223846793005L + 1442695040888963407L;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            b[i] = (byte) x;
        }
        return b;
    }

    // ------------------------------------------------------------------------------------------ images

    enum Layout { DOCKER_LEGACY, DOCKER_25, OCI_DIR, OCI_TAR }

    enum LayerCompression { NONE, GZIP, ZSTD, BZIP2 }

    /** An image to write. */
    static final class Image {
        final List<Layer> layers = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        LayerCompression compression = LayerCompression.NONE;
        String os = "linux";
        String arch = "amd64";
        Consumer<ObjectNode> config = c -> { };
        Consumer<ObjectNode> rootConfig = c -> { };
        boolean emptyHistoryBetween;

        Image layer(Layer l) {
            layers.add(l);
            return this;
        }

        Image tag(String t) {
            tags.add(t);
            return this;
        }

        Image compression(LayerCompression c) {
            compression = c;
            return this;
        }

        Image platform(String os, String arch) {
            this.os = os;
            this.arch = arch;
            return this;
        }

        Image config(Consumer<ObjectNode> c) {
            config = c;
            return this;
        }

        Image root(Consumer<ObjectNode> c) {
            rootConfig = c;
            return this;
        }

        /** Puts an {@code empty_layer} history entry before every layer's entry (like ENV/ARG steps). */
        Image emptyHistory() {
            emptyHistoryBetween = true;
            return this;
        }

        byte[] configJson(List<String> diffIds) {
            ObjectNode root = JSON.createObjectNode();
            root.put("architecture", arch);
            root.put("os", os);
            root.put("created", "2023-11-14T22:13:20Z");
            ObjectNode c = root.putObject("config");
            c.putArray("Env").add("PATH=/usr/bin:/bin");
            c.putArray("Cmd").add("/bin/sh");
            config.accept(c);
            ObjectNode rootfs = root.putObject("rootfs");
            rootfs.put("type", "layers");
            ArrayNode ids = rootfs.putArray("diff_ids");
            diffIds.forEach(ids::add);
            ArrayNode h = root.putArray("history");
            for (Layer l : layers) {
                if (emptyHistoryBetween) {
                    h.addObject().put("created_by", "ENV X=1").put("empty_layer", true);
                }
                h.addObject().put("created", "2023-11-14T22:13:20Z").put("created_by", l.createdBy);
            }
            rootConfig.accept(root);
            return write(root);
        }
    }

    static Image image() {
        return new Image();
    }

    /** What was written: the blobs' digests, for tests that tamper with them. */
    record Written(Path path, List<String> diffIds, List<String> layerDigests, String configDigest) {
    }

    static Written write(Image img, Layout layout, Path out) {
        List<byte[]> tars = new ArrayList<>();
        List<byte[]> blobs = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Layer l : img.layers) {
            byte[] t = l.bytes();
            tars.add(t);
            diffIds.add(sha256(t));
            byte[] b = compress(t, img.compression);
            blobs.add(b);
            digests.add(sha256(b));
        }
        byte[] config = img.configJson(diffIds);
        String configDigest = sha256(config);
        try {
            switch (layout) {
                case DOCKER_LEGACY -> Files.write(out, dockerLegacy(img, blobs, config, configDigest));
                case DOCKER_25 -> Files.write(out, docker25(img, blobs, diffIds, config, configDigest));
                case OCI_TAR -> Files.write(out, ociTar(ociFiles(img, blobs, config, configDigest)));
                case OCI_DIR -> {
                    for (Map.Entry<String, byte[]> f : ociFiles(img, blobs, config, configDigest).entrySet()) {
                        Path p = out.resolve(f.getKey());
                        Files.createDirectories(p.getParent());
                        Files.write(p, f.getValue());
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(out, diffIds, digests, configDigest);
    }

    static byte[] dockerLegacy(Image img, List<byte[]> blobs, byte[] config, String configDigest) {
        Tar t = new Tar();
        ObjectNode m = JSON.createObjectNode();
        m.put("Config", hex(configDigest) + ".json");
        ArrayNode tags = m.putArray("RepoTags");
        img.tags.forEach(tags::add);
        ArrayNode layers = m.putArray("Layers");
        for (int i = 0; i < blobs.size(); i++) {
            String id = hex(sha256(("layer" + i).getBytes(StandardCharsets.UTF_8)));
            t.entry(id + "/", '5', 0755, null, null, 0, 0);
            t.entry(id + "/VERSION", '0', 0644, "1.0".getBytes(StandardCharsets.UTF_8), null, 0, 0);
            t.entry(id + "/json", '0', 0644, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), null, 0,
                    0);
            t.entry(id + "/layer.tar", '0', 0644, blobs.get(i), null, 0, 0);
            layers.add(id + "/layer.tar");
        }
        t.entry(hex(configDigest) + ".json", '0', 0644, config, null, 0, 0);
        t.entry("manifest.json", '0', 0644, write(JSON.createArrayNode().add(m)), null, 0, 0);
        t.entry("repositories", '0', 0644, "{}".getBytes(StandardCharsets.UTF_8), null, 0, 0);
        return t.finish();
    }

    static byte[] docker25(Image img, List<byte[]> blobs, List<String> diffIds, byte[] config, String configDigest) {
        Tar t = new Tar();
        t.entry("blobs/", '5', 0755, null, null, 0, 0);
        t.entry("blobs/sha256/", '5', 0755, null, null, 0, 0);
        ObjectNode m = JSON.createObjectNode();
        m.put("Config", "blobs/sha256/" + hex(configDigest));
        ArrayNode tags = m.putArray("RepoTags");
        img.tags.forEach(tags::add);
        ArrayNode layers = m.putArray("Layers");
        ObjectNode sources = m.putObject("LayerSources");
        for (int i = 0; i < blobs.size(); i++) {
            String d = sha256(blobs.get(i));
            t.entry("blobs/sha256/" + hex(d), '0', 0644, blobs.get(i), null, 0, 0);
            layers.add("blobs/sha256/" + hex(d));
            sources.putObject(diffIds.get(i)).put("mediaType", "application/vnd.oci.image.layer.v1.tar")
                    .put("size", blobs.get(i).length).put("digest", d);
        }
        t.entry("blobs/sha256/" + hex(configDigest), '0', 0644, config, null, 0, 0);
        t.entry("index.json", '0', 0644,
                "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":null}"
                        .getBytes(StandardCharsets.UTF_8), null, 0, 0);
        t.entry("manifest.json", '0', 0644, write(JSON.createArrayNode().add(m)), null, 0, 0);
        t.entry("oci-layout", '0', 0644, "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8), null,
                0, 0);
        return t.finish();
    }

    /** The files of an OCI layout (path → bytes), manifest and index included. */
    static Map<String, byte[]> ociFiles(Image img, List<byte[]> blobs, byte[] config, String configDigest) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode man = ociManifest(img, blobs, config, configDigest, files);
        byte[] manBytes = write(man);
        String manDigest = sha256(manBytes);
        files.put("blobs/sha256/" + hex(manDigest), manBytes);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        d.put("digest", manDigest);
        d.put("size", manBytes.length);
        if (!img.tags.isEmpty()) {
            d.putObject("annotations").put("org.opencontainers.image.ref.name", img.tags.get(0));
        }
        files.put("index.json", write(index));
        return files;
    }

    static ObjectNode ociManifest(Image img, List<byte[]> blobs, byte[] config, String configDigest,
                                  Map<String, byte[]> files) {
        ObjectNode man = JSON.createObjectNode();
        man.put("schemaVersion", 2);
        man.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        man.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", configDigest).put("size", config.length);
        files.put("blobs/sha256/" + hex(configDigest), config);
        ArrayNode ls = man.putArray("layers");
        for (byte[] b : blobs) {
            String d = sha256(b);
            String mt = switch (img.compression) {
                case NONE -> "application/vnd.oci.image.layer.v1.tar";
                case GZIP -> "application/vnd.oci.image.layer.v1.tar+gzip";
                case ZSTD -> "application/vnd.oci.image.layer.v1.tar+zstd";
                case BZIP2 -> "application/vnd.oci.image.layer.v1.tar+bzip2";
            };
            ls.addObject().put("mediaType", mt).put("digest", d).put("size", b.length);
            files.put("blobs/sha256/" + hex(d), b);
        }
        return man;
    }

    /** Writes a multi-platform OCI layout tar: one nested index with one manifest per image. */
    static byte[] multiPlatform(List<Image> images) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode nested = JSON.createObjectNode();
        nested.put("schemaVersion", 2);
        nested.put("mediaType", "application/vnd.oci.image.index.v1+json");
        ArrayNode ms = nested.putArray("manifests");
        for (Image img : images) {
            List<byte[]> blobs = new ArrayList<>();
            List<String> diffIds = new ArrayList<>();
            for (Layer l : img.layers) {
                byte[] t = l.bytes();
                diffIds.add(sha256(t));
                blobs.add(compress(t, img.compression));
            }
            byte[] config = img.configJson(diffIds);
            byte[] man = write(ociManifest(img, blobs, config, sha256(config), files));
            files.put("blobs/sha256/" + hex(sha256(man)), man);
            ObjectNode d = ms.addObject();
            d.put("mediaType", "application/vnd.oci.image.manifest.v1+json").put("digest", sha256(man))
                    .put("size", man.length);
            d.putObject("platform").put("os", img.os).put("architecture", img.arch);
        }
        byte[] nestedBytes = write(nested);
        files.put("blobs/sha256/" + hex(sha256(nestedBytes)), nestedBytes);
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        ObjectNode d = index.putArray("manifests").addObject();
        d.put("mediaType", "application/vnd.oci.image.index.v1+json").put("digest", sha256(nestedBytes))
                .put("size", nestedBytes.length);
        d.putObject("annotations").put("org.opencontainers.image.ref.name", "multi");
        files.put("index.json", write(index));
        return ociTar(files);
    }

    static byte[] ociTar(Map<String, byte[]> files) {
        Tar t = new Tar();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            t.entry(f.getKey(), '0', 0644, f.getValue(), null, 0, 0);
        }
        return t.finish();
    }

    static byte[] compress(byte[] t, LayerCompression c) {
        return switch (c) {
            case NONE -> t;
            case GZIP -> gzip(t);
            case ZSTD -> com.github.luben.zstd.Zstd.compress(t, 3);
            case BZIP2 -> bzip2(t);
        };
    }

    static byte[] bzip2(byte[] b) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (var z = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bo)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bo.toByteArray();
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bo.toByteArray();
    }

    static byte[] write(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String digest) {
        return digest.substring(7);
    }
}
