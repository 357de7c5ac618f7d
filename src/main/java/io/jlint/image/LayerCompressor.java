package io.jlint.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compressed output for layers jlint writes, byte-for-byte reproducible: gzip with a fixed header (no name, mtime
 * 0, OS byte 255 "unknown") and a fixed level, or zstd at a fixed level in one thread. The bytes depend only on
 * the input and on the zlib/zstd library versions.
 */
final class LayerCompressor {
    /** The gzip level of layers jlint compresses (zlib's default). */
    static final int GZIP_LEVEL = 6;
    /** The zstd level of layers jlint compresses (zstd's default). */
    static final int ZSTD_LEVEL = 3;

    private LayerCompressor() {
    }

    /** Wraps {@code out}; closing the result finishes the compressed stream and does not close {@code out}. */
    static OutputStream wrap(OutputStream out, Compression c) throws IOException {
        return switch (c) {
            case NONE -> new NoClose(out);
            case GZIP -> new Gzip(new NoClose(out));
            case ZSTD -> new com.github.luben.zstd.ZstdOutputStream(new NoClose(out), ZSTD_LEVEL);
            default -> throw new IllegalArgumentException("cannot write " + c.id() + " layers");
        };
    }

    /** gzip (RFC 1952) with a fixed 10-byte header. */
    static final class Gzip extends OutputStream {
        private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        private final OutputStream out;
        private final Deflater deflater = new Deflater(GZIP_LEVEL, true);
        private final CRC32 crc = new CRC32();
        private final byte[] buf = new byte[1 << 16];
        private long size;
        private boolean closed;

        Gzip(OutputStream out) throws IOException {
            this.out = out;
            out.write(HEADER);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            crc.update(b, off, len);
            size += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain();
            }
        }

        private void drain() throws IOException {
            int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
            if (n > 0) {
                out.write(buf, 0, n);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf, 0, buf.length);
                if (n > 0) {
                    out.write(buf, 0, n);
                }
            }
            deflater.end();
            long c = crc.getValue();
            byte[] trailer = new byte[8];
            for (int i = 0; i < 4; i++) {
                trailer[i] = (byte) (c >>> (8 * i));
                trailer[4 + i] = (byte) (size >>> (8 * i));
            }
            out.write(trailer);
            out.close();
        }
    }

    /** Passes writes through; close() only flushes (the archive stream goes on after the blob). */
    static final class NoClose extends OutputStream {
        private final OutputStream out;

        NoClose(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
