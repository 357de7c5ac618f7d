package io.jlint.image;

import io.jlint.engine.InputException;
import io.jlint.files.AtomicOutput;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a rewritten image goes: a tar (a {@code docker save} archive or an OCI layout tar) or an OCI layout
 * directory. Everything is written into a temporary file or directory next to the target (hidden name) and renamed
 * into place by {@link #commit()}; {@link #close()} without a commit deletes it. Blobs are content-addressed
 * ({@code blobs/sha256/<hex>}) and written once even when several layers have the same bytes.
 */
abstract class ImageOutput implements Closeable {

    /** The output layouts. */
    enum Kind {
        DOCKER_ARCHIVE("docker-archive"), OCI_LAYOUT("oci-layout"), OCI_ARCHIVE("oci-archive");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    /**
     * A blob being written: hashes and counts what goes through to its sink; {@link #finish()} names it by its
     * digest and has the output {@link #store} it (once, even when called again).
     */
    abstract static class Blob extends OutputStream {
        private final HashingOutputStream hashing;
        private String digest;

        Blob(OutputStream sink) {
            hashing = new HashingOutputStream(sink);
        }

        @Override
        public void write(int b) throws IOException {
            hashing.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            hashing.write(b, off, len);
        }

        /** Bytes written. */
        long size() {
            return hashing.count();
        }

        /** Ends the blob and returns its digest ({@code sha256:…}). */
        final String finish() throws IOException {
            if (digest == null) {
                String d = hashing.digest();
                store(d, hashing.count());
                digest = d;
            }
            return digest;
        }

        /** Keeps the finished blob under its digest, or drops it when the output holds these bytes already. */
        abstract void store(String digest, long size) throws IOException;
    }

    protected final Path target;
    protected final Set<String> blobs = new HashSet<>();

    ImageOutput(Path target) {
        this.target = target;
    }

    /** Opens an output of {@code kind} for {@code target}; {@code mtime} dates the archive's own entries. */
    static ImageOutput create(Path target, Kind kind, long mtime) throws IOException {
        return kind == Kind.OCI_LAYOUT ? new Dir(target) : new Tar(target, mtime);
    }

    abstract Blob blob() throws IOException;

    /** A small top-level file (index.json, manifest.json, oci-layout). */
    abstract void file(String name, byte[] content) throws IOException;

    /** Moves the finished output into place. */
    abstract void commit() throws IOException;

    /** The bytes of the finished output (after {@link #commit()}). */
    abstract long committedSize() throws IOException;

    static String hex(String digest) {
        return digest.substring("sha256:".length());
    }

    // ------------------------------------------------------------------------------------------------ tar

    /** A tar archive written through one file channel; blob headers are patched in once the digest is known. */
    static final class Tar extends ImageOutput {
        private final Path temp;
        private final FileChannel ch;
        private final long mtime;
        private final byte[] buf = new byte[1 << 20];
        private int bufLen;
        private long pos;
        private boolean committed;

        Tar(Path target, long mtime) throws IOException {
            super(target);
            this.mtime = mtime;
            Path parent = target.toAbsolutePath().getParent();
            temp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            FileChannel c = null;
            try {
                c = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                ch = c;
                writeRaw(TarWriter.simpleHeader("blobs/", '5', 0755, 0, mtime));
                writeRaw(TarWriter.simpleHeader("blobs/sha256/", '5', 0755, 0, mtime));
            } catch (IOException | RuntimeException e) {
                if (c != null) {
                    c.close();
                }
                Files.deleteIfExists(temp);
                throw e;
            }
        }

        private void writeRaw(byte[] b) throws IOException {
            writeRaw(b, 0, b.length);
        }

        private void writeRaw(byte[] b, int off, int len) throws IOException {
            pos += len;
            while (len > 0) {
                int k = Math.min(len, buf.length - bufLen);
                System.arraycopy(b, off, buf, bufLen, k);
                bufLen += k;
                off += k;
                len -= k;
                if (bufLen == buf.length) {
                    flushBuf();
                }
            }
        }

        private void flushBuf() throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, bufLen);
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
            bufLen = 0;
        }

        private void pad(long size) throws IOException {
            int p = (int) TarWriter.padLength(size);
            if (p > 0) {
                writeRaw(new byte[p]);
            }
        }

        @Override
        Blob blob() throws IOException {
            long headerPos = pos;
            writeRaw(new byte[TarWriter.BLOCK]);
            return new Blob(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    writeRaw(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    writeRaw(b, off, len);
                }
            }) {
                @Override
                void store(String digest, long size) throws IOException {
                    flushBuf();
                    if (!blobs.add(digest)) {          // the same bytes are already in the archive
                        ch.truncate(headerPos);
                        ch.position(headerPos);
                        pos = headerPos;
                        return;
                    }
                    pad(size);
                    flushBuf();
                    ByteBuffer header = ByteBuffer.wrap(TarWriter.simpleHeader("blobs/sha256/" + hex(digest), '0',
                            0644, size, mtime));
                    long at = headerPos;
                    while (header.hasRemaining()) {
                        at += ch.write(header, at);
                    }
                }
            };
        }

        @Override
        void file(String name, byte[] content) throws IOException {
            writeRaw(TarWriter.simpleHeader(name, '0', 0644, content.length, mtime));
            writeRaw(content);
            pad(content.length);
        }

        @Override
        void commit() throws IOException {
            writeRaw(new byte[TarWriter.BLOCK * 2]);
            flushBuf();
            ch.close();
            AtomicOutput.setPermissions(temp, "rw-r--r--");
            AtomicOutput.replace(temp, target);
            committed = true;
        }

        @Override
        long committedSize() throws IOException {
            return Files.size(target);
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                ch.close();
                Files.deleteIfExists(temp);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ directory

    /** An OCI image layout directory, built as a hidden sibling and renamed into place. */
    static final class Dir extends ImageOutput {
        private final Path temp;
        private final Path blobDir;
        private int counter;
        private boolean committed;

        Dir(Path target) throws IOException {
            super(target);
            Path parent = target.toAbsolutePath().getParent();
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            blobDir = temp.resolve("blobs").resolve("sha256");
            Files.createDirectories(blobDir);
        }

        @Override
        Blob blob() throws IOException {
            Path part = blobDir.resolve(".part-" + (counter++));
            OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 20);
            return new Blob(file) {
                @Override
                void store(String digest, long size) throws IOException {
                    file.close();
                    if (!blobs.add(digest)) {
                        Files.delete(part);
                    } else {
                        Files.move(part, blobDir.resolve(hex(digest)));
                    }
                }
            };
        }

        @Override
        void file(String name, byte[] content) throws IOException {
            Files.write(temp.resolve(name), content);
        }

        @Override
        void commit() throws IOException {
            AtomicOutput.setPermissions(temp, "rwxr-xr-x");
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.delete(target);        // only an empty directory may be replaced
                } catch (DirectoryNotEmptyException e) {
                    throw new InputException(target.toString(), "exists and is not empty; jlint replaces only a"
                            + " file or an empty directory");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        long committedSize() throws IOException {
            try (Stream<Path> s = Files.walk(target)) {
                return s.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
            }
        }

        @Override
        public void close() throws IOException {
            if (!committed && Files.exists(temp)) {
                try (Stream<Path> s = Files.walk(temp)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
