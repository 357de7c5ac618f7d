package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageAnalysis;
import io.jlint.image.ImageAnalyzer;
import io.jlint.image.ImageOptions;
import io.jlint.image.TarWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Squash never holds file content in memory: a JVM with a 40 MB heap squashes an image whose files are 96 and 64 MB
 * (written here, streaming), and the output keeps their bytes. Speed is measured in bench/squash.sh, not here.
 */
class SquashMemoryTest {

    @TempDir
    Path tmp;

    private static final long MTIME = 1_700_000_000L;

    /** Deterministic bytes that do not compress to nothing. */
    private static void pattern(OutputStream out, long size, int seed) throws IOException {
        byte[] block = new byte[1 << 16];
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        long left = size;
        while (left > 0) {
            for (int i = 0; i < block.length; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                block[i] = (byte) x;
            }
            int n = (int) Math.min(left, block.length);
            out.write(block, 0, n);
            left -= n;
        }
    }

    private static String hashPattern(long size, int seed) throws IOException {
        MessageDigest md = sha();
        try (OutputStream o = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            pattern(o, size, seed);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TarWriter.Header file(String name, long size) {
        return new TarWriter.Header(name, '0', 0644, 0, 0, "", "", MTIME, size, "", 0, 0, Map.of());
    }

    /** Writes a layer tar and returns its sha256 ("sha256:…"). */
    private String layer(Path p, Object[][] files) throws IOException {
        MessageDigest md = sha();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16),
                md)) {
            TarWriter w = new TarWriter(out);
            for (Object[] f : files) {
                String name = (String) f[0];
                long size = (Long) f[1];
                w.header(file(name, size));
                if (size > 0) {
                    OutputStream data = new OutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            w.data(new byte[] {(byte) b}, 0, 1);
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            w.data(b, off, len);
                        }
                    };
                    pattern(data, size, (Integer) f[2]);
                }
            }
            w.finish();
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    @Test
    void aFortyMegabyteHeapSquashesNinetySixMegabyteFiles() throws Exception {
        long big = 96L << 20;
        long second = 64L << 20;
        Path l0 = tmp.resolve("l0.tar");
        Path l1 = tmp.resolve("l1.tar");
        String d0 = layer(l0, new Object[][] {{"big", big, 1}, {"small", 1000L, 2}, {"gone", 5000L, 3}});
        String d1 = layer(l1, new Object[][] {{"second", second, 4}, {".wh.gone", 0L, 0}, {"small", 10L, 5}});
        ObjectMapper json = new ObjectMapper();
        ObjectNode cfg = json.createObjectNode();
        cfg.put("architecture", "amd64").put("os", "linux");
        cfg.putObject("config").putArray("Cmd").add("/big");
        ObjectNode rootfs = cfg.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(d0).add(d1);
        ArrayNode h = cfg.putArray("history");
        h.addObject().put("created_by", "ADD big");
        h.addObject().put("created_by", "ADD second");
        byte[] config = json.writeValueAsBytes(cfg);
        ArrayNode manifest = json.createArrayNode();
        manifest.addObject().put("Config", "config.json").putArray("Layers").add("l0/layer.tar").add("l1/layer.tar");
        Path image = tmp.resolve("image.tar");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(image), 1 << 16)) {
            TarWriter w = new TarWriter(out);
            for (Object[] f : new Object[][] {{"l0/layer.tar", l0}, {"l1/layer.tar", l1}}) {
                Path p = (Path) f[1];
                w.header(file((String) f[0], Files.size(p)));
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        w.data(buf, 0, r);
                    }
                }
            }
            byte[] m = json.writeValueAsBytes(manifest);
            w.header(file("config.json", config.length));
            w.data(config, 0, config.length);
            w.header(file("manifest.json", m.length));
            w.data(m, 0, m.length);
            w.finish();
        }
        Files.delete(l0);
        Files.delete(l1);
        Path out = tmp.resolve("squashed.tar");
        Cli r = Cli.jvm(List.of(), List.of("-Xmx40m", "-XX:TieredStopAtLevel=1"), "squash", image.toString(), "-o",
                out.toString(), "--report", "json");
        assertEquals(0, r.status(), r.toString());
        assertEquals(1, new ObjectMapper().readTree(r.out()).path("output").path("layers").asInt());

        Map<String, String> hashes = new ConcurrentHashMap<>();
        ImageAnalysis a = ImageAnalyzer.analyze(out, ImageOptions.defaults(), (ref, layer) -> (e, in) -> {
            if (e.isRegularFile()) {
                MessageDigest md = sha();
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
                hashes.put(e.path(), HexFormat.of().formatHex(md.digest()));
            }
        }).get(0);
        assertEquals(0, a.wastedBytes());
        List<String> paths = a.tree().entries().stream().map(FileEntry::path).toList();
        assertEquals(List.of("/big", "/second", "/small"), paths);
        assertEquals(hashPattern(big, 1), hashes.get("/big"));
        assertEquals(hashPattern(second, 4), hashes.get("/second"));
        assertEquals(hashPattern(10, 5), hashes.get("/small"));
        com.fasterxml.jackson.databind.JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(6000, report.path("input").path("wastedBytes").asLong(), "the deleted and the overwritten file");
        assertEquals(0, report.path("output").path("wastedBytes").asLong());
    }
}
