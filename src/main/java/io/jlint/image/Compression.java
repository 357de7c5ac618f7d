package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** How a layer blob is compressed, detected from its first bytes (never from a media type or a file name). */
public enum Compression {
    NONE, GZIP, ZSTD, BZIP2, XZ;

    /** The name used in reports: "none", "gzip", "zstd", "bzip2", "xz". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Detects the compression from a blob's first bytes (at least 6 for xz). */
    public static Compression sniff(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f
                && (b[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        if (b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
            return BZIP2;
        }
        if (b.length >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z'
                && b[5] == 0) {
            return XZ;
        }
        return NONE;
    }

    /** For a whole archive: "gzip" or "zstd" when jlint can decompress it, else null. */
    String wholeArchiveName() {
        return this == GZIP ? "gzip" : this == ZSTD ? "zstd" : null;
    }

    /** Wraps a compressed stream with its decompressor. */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> throw new IOException("xz-compressed layers are not supported");
        };
    }
}
