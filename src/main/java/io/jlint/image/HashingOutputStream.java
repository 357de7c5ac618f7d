package io.jlint.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and SHA-256-hashes every byte written through it. */
final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha;
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        sha.update((byte) b);
        count++;
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        sha.update(b, off, len);
        count += len;
        out.write(b, off, len);
    }

    long count() {
        return count;
    }

    /** "sha256:" + hex of everything written (call once, at the end). */
    String digest() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }
}
