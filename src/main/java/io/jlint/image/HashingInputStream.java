package io.jlint.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and (optionally) SHA-256-hashes every byte read through it; {@link #skip} reads, so skipped bytes are
 * hashed too.
 */
final class HashingInputStream extends FilterInputStream {
    private final MessageDigest sha;
    private volatile long count;

    HashingInputStream(InputStream in, boolean hash) {
        super(in);
        try {
            sha = hash ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            if (sha != null) {
                sha.update((byte) b);
            }
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int r = in.read(b, off, len);
        if (r > 0) {
            if (sha != null) {
                sha.update(b, off, r);
            }
            count += r;
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

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    /** "sha256:" + hex of everything read so far (call once, at the end). */
    String digest() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
