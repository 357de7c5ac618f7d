package io.jlint.image;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * Regular-file content of some layers, copied to disk while the layers are read (one file per layer, in a hidden
 * temporary folder next to the output), so that a merged layer can be written in any entry order without
 * decompressing its input layers again and without holding content in memory. Each layer's spool is written by
 * one thread; reading starts once writing is over.
 */
final class ContentSpool implements Closeable {
    private final Path dir;
    private final LayerSpool[] layers;

    /** One layer's spooled bytes and where each entry's content starts (-1: not spooled). */
    private static final class LayerSpool {
        final Path file;
        long[] offsets = new long[64];
        long size;
        OutputStream writer;
        FileChannel reader;

        LayerSpool(Path file) {
            this.file = file;
            Arrays.fill(offsets, -1);
        }

        void put(int ordinal, long offset) {
            if (ordinal >= offsets.length) {
                int old = offsets.length;
                offsets = Arrays.copyOf(offsets, Math.max(ordinal + 1, old * 2));
                Arrays.fill(offsets, old, offsets.length, -1);
            }
            offsets[ordinal] = offset;
        }

        long offset(int ordinal) {
            return ordinal < offsets.length ? offsets[ordinal] : -1;
        }
    }

    ContentSpool(Path near, int layerCount) throws IOException {
        Path parent = near.toAbsolutePath().getParent();
        this.dir = Files.createTempDirectory(parent, ".jlint-spool-");
        this.layers = new LayerSpool[layerCount];
    }

    /** Bytes spooled so far (all layers). */
    long bytes() {
        long n = 0;
        for (LayerSpool l : layers) {
            if (l != null) {
                n += l.size;
            }
        }
        return n;
    }

    /**
     * A visitor that spools the content of layer {@code layer}'s regular files whose ordinal {@code wanted}
     * accepts (every file when null); it must see every entry of the layer, in order, from the first.
     */
    LayerVisitor visitor(int layer, IntPredicate wanted) throws IOException {
        LayerSpool l = layers[layer];
        if (l == null) {
            l = new LayerSpool(dir.resolve("layer-" + layer));
            layers[layer] = l;
        }
        LayerSpool spool = l;
        if (spool.writer == null) {
            spool.writer = new BufferedOutputStream(Files.newOutputStream(spool.file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 16);
        }
        OutputStream out = spool.writer;
        byte[] buf = new byte[1 << 16];
        return new LayerVisitor() {
            private int ordinal;

            @Override
            public void entry(LayerEntry e, InputStream content) throws IOException {
                int k = ordinal++;
                if (e.isRegularFile() && e.size() > 0 && (wanted == null || wanted.test(k))) {
                    spool.put(k, spool.size);
                    long left = e.size();
                    while (left > 0) {
                        int r = content.read(buf, 0, (int) Math.min(buf.length, left));
                        if (r < 0) {
                            throw new IOException("content of " + e.name() + " ended early");
                        }
                        out.write(buf, 0, r);
                        left -= r;
                    }
                    spool.size += e.size();
                }
            }
        };
    }

    /** Ends writing (call after the visitors are done, on the thread that reads next). */
    void finishWriting() throws IOException {
        for (LayerSpool l : layers) {
            if (l != null && l.writer != null) {
                l.writer.close();
                l.writer = null;
            }
        }
    }

    /** True when the content of entry {@code ordinal} of {@code layer} is spooled. */
    boolean has(int layer, int ordinal) {
        return layers[layer] != null && layers[layer].offset(ordinal) >= 0;
    }

    /** Copies {@code size} spooled bytes of an entry to {@code out}. */
    void copy(int layer, int ordinal, long size, Sink out) throws IOException {
        LayerSpool l = layers[layer];
        long at = l == null || l.writer != null ? -1 : l.offset(ordinal);
        if (at < 0) {
            throw new IllegalStateException("content of layer " + layer + " entry " + ordinal + " not spooled");
        }
        if (l.reader == null) {
            l.reader = FileChannel.open(l.file, StandardOpenOption.READ);
        }
        ByteBuffer bb = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(size, 1)));
        long left = size;
        while (left > 0) {
            bb.clear();
            bb.limit((int) Math.min(bb.capacity(), left));
            int r = l.reader.read(bb, at);
            if (r <= 0) {
                throw new IOException("spool of layer " + layer + " is short");
            }
            out.write(bb.array(), 0, r);
            at += r;
            left -= r;
        }
    }

    /** Where copied bytes go. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] b, int off, int len) throws IOException;
    }

    @Override
    public void close() throws IOException {
        for (LayerSpool l : layers) {
            if (l != null && l.writer != null) {
                l.writer.close();
            }
            if (l != null && l.reader != null) {
                l.reader.close();
            }
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
