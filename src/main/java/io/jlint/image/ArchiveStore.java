package io.jlint.image;

import io.jlint.engine.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The files of an image archive (the outer tar, or an OCI layout directory), addressed by their names inside it.
 *
 * <p>A tar on disk is indexed in one cheap pass over its headers (data is skipped by seeking); blobs are then read
 * from their offsets with positional reads, so manifests may come last (as in {@code docker save}) and several
 * layers can be read at once. A whole-archive gzip or zstd stream cannot be seeked: it is decompressed once to a
 * temporary file that is deleted on {@link #close()} (the only case where jlint writes to disk while reading).
 * Symbolic and hard links between archive entries are resolved (a loop or a link out of the archive is an error).
 */
abstract class ArchiveStore implements Closeable {

    /** A resolved blob: its name as asked, the name of the entry holding the bytes, and its size. */
    record Blob(String name, String entry, long size) {
    }

    private final String display;

    ArchiveStore(String display) {
        this.display = display;
    }

    /** The archive's path as the user gave it (error messages name it). */
    final String display() {
        return display;
    }

    /** The blob with this name (links followed), or null when there is none. */
    abstract Blob find(String name);

    /** Opens the blob's bytes; thread-safe, each stream reads independently. */
    abstract InputStream open(Blob blob) throws IOException;

    /** Regular-file names (for format detection and error messages), sorted. */
    abstract List<String> names();

    /** True when the archive is a directory (an OCI image layout). */
    abstract boolean isDirectory();

    /** How the whole archive was compressed ("gzip", "zstd") or null. */
    String wholeCompression() {
        return null;
    }

    /** Reads a small blob (manifest, config, index) completely; larger than {@code limit} is an error. */
    final byte[] readSmall(Blob blob, int limit) {
        if (blob.size() > limit) {
            throw new InputException(display, "entry " + blob.name() + " is " + blob.size()
                    + " bytes, too large for a JSON document (limit " + limit + ")");
        }
        try (InputStream in = open(blob)) {
            byte[] b = in.readNBytes((int) blob.size());
            if (b.length != blob.size()) {
                throw new InputException(display, "entry " + blob.name() + " is truncated");
            }
            return b;
        } catch (IOException e) {
            throw new InputException(display, "cannot read entry " + blob.name() + ": " + e.getMessage(), e);
        }
    }

    /** Opens {@code path}: a directory (OCI layout) or a file (tar, possibly gzip/zstd-compressed as a whole). */
    static ArchiveStore open(Path path) {
        String display = path.toString();
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("oci-layout"))) {
                throw new InputException(display, "a directory without an oci-layout file is not an OCI image layout");
            }
            return new DirStore(display, path);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputException(display, Files.exists(path) ? "not a regular file" : "no such file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            throw new InputException(display, "cannot read: " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new InputException(display, "empty file, not an image archive");
        }
        String compression = Compression.sniff(head).wholeArchiveName();
        if (compression != null) {
            return decompressToTemp(display, path, compression);
        }
        if (head.length < 512 || !TarReader.checksumOk(head, 0)) {
            throw new InputException(display, "not an image archive: neither a tar file nor an OCI layout directory");
        }
        return new TarStore(display, path, null, null);
    }

    private static ArchiveStore decompressToTemp(String display, Path path, String compression) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("jlint-image-", ".tar");
            long compressedSize = Files.size(path);
            try (InputStream raw = Files.newInputStream(path);
                 InputStream in = "gzip".equals(compression) ? new GZIPInputStream(raw, 1 << 16)
                         : new ZstdCompressorInputStream(raw);
                 OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                int r;
                while ((r = in.read(buf)) > 0) {
                    out.write(buf, 0, r);
                    total += r;
                    if (total > ImageArchive.RATIO_GUARD_FROM && total > ImageArchive.MAX_RATIO * compressedSize) {
                        throw new InputException(display, "the " + compression + " archive expands more than "
                                + ImageArchive.MAX_RATIO + ":1 beyond 1 GiB; stopped (decompression-bomb guard)");
                    }
                }
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(tmp)) {
                head = in.readNBytes(512);
            }
            if (head.length < 512 || !TarReader.checksumOk(head, 0)) {
                throw new InputException(display, "not an image archive: a " + compression
                        + "-compressed file that is not a tar");
            }
            return new TarStore(display, tmp, tmp, compression);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new InputException(display, "cannot decompress the " + compression + " archive: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a temp file
            }
        }
    }

    /** A tar file on disk, indexed by a header-only pass. */
    static final class TarStore extends ArchiveStore {
        private final FileChannel channel;
        private final Path temp;
        private final String compression;
        private final Map<String, TarEntry> entries = new HashMap<>();

        TarStore(String display, Path file, Path temp, String compression) {
            super(display);
            this.temp = temp;
            this.compression = compression;
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                deleteQuietly(temp);
                throw new InputException(display, "cannot open: " + e.getMessage(), e);
            }
            try {
                index();
            } catch (RuntimeException e) {
                closeQuietly();
                throw e;
            }
        }

        private void index() {
            long size;
            try {
                size = channel.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TarReader r = new TarReader(new ChannelInputStream(channel, 0, size), 1 << 14, true);
            try {
                TarEntry e;
                while ((e = r.next()) != null) {
                    if (e.dataOffset() + e.dataLength() > size) {
                        throw new InputException(display(), "truncated archive: entry " + e.name() + " needs "
                                + (e.dataOffset() + e.dataLength() - size) + " more bytes");
                    }
                    String n = PathNames.clean(e.name());
                    if (n == null) {
                        throw new InputException(display(), "entry " + e.name()
                                + " climbs out of the archive with '..'");
                    }
                    if (e.type() != TarEntry.Type.DIRECTORY && !n.isEmpty()) {
                        entries.put(n, e);
                    }
                }
            } catch (TarException e) {
                throw new InputException(display(), e.getMessage(), e);
            } catch (IOException e) {
                throw new InputException(display(), "cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        Blob find(String name) {
            String n = PathNames.clean(name);
            if (n == null) {
                throw new InputException(display(), "entry name " + name + " climbs out of the archive with '..'");
            }
            String start = n;
            for (int hops = 0; hops < 40; hops++) {
                TarEntry e = entries.get(n);
                if (e == null) {
                    return null;
                }
                switch (e.type()) {
                    case FILE -> {
                        return new Blob(start, n, e.size());
                    }
                    case SYMLINK -> {
                        String target = e.linkName().startsWith("/") ? e.linkName()
                                : PathNames.parent(n) + "/" + e.linkName();
                        String next = PathNames.clean(target);
                        if (next == null || e.linkName().startsWith("/")) {
                            throw new InputException(display(), "entry " + n + " is a symlink to "
                                    + e.linkName() + ", outside the archive");
                        }
                        n = next;
                    }
                    case HARDLINK -> {
                        String next = PathNames.clean(e.linkName());
                        if (next == null) {
                            throw new InputException(display(), "entry " + n + " is a hard link to "
                                    + e.linkName() + ", outside the archive");
                        }
                        n = next;
                    }
                    default -> throw new InputException(display(), "entry " + n + " is a " + e.type()
                            .name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", not a file");
                }
            }
            throw new InputException(display(), "entry " + start + ": symlink loop between archive entries");
        }

        @Override
        InputStream open(Blob blob) {
            TarEntry e = entries.get(blob.entry());
            return new ChannelInputStream(channel, e.dataOffset(), e.size());
        }

        @Override
        List<String> names() {
            List<String> l = new ArrayList<>(entries.keySet());
            Collections.sort(l);
            return l;
        }

        @Override
        boolean isDirectory() {
            return false;
        }

        @Override
        String wholeCompression() {
            return compression;
        }

        private void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a read-only channel
            }
            deleteQuietly(temp);
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }

    /** An OCI image layout directory; nothing outside it is ever opened. */
    static final class DirStore extends ArchiveStore {
        private final Path root;
        private final Path realRoot;

        DirStore(String display, Path root) {
            super(display);
            this.root = root;
            try {
                this.realRoot = root.toRealPath();
            } catch (IOException e) {
                throw new InputException(display, "cannot open: " + e.getMessage(), e);
            }
        }

        @Override
        Blob find(String name) {
            String n = PathNames.clean(name);
            if (n == null || n.isEmpty()) {
                throw new InputException(display(), "blob name " + name + " climbs out of the layout with '..'");
            }
            Path p = root.resolve(n);
            try {
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new InputException(display(), n + " links outside the layout directory");
                }
                if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                    return null;
                }
                return new Blob(n, n, Files.size(real));
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new InputException(display(), "cannot read " + n + ": " + e.getMessage(), e);
            }
        }

        @Override
        InputStream open(Blob blob) throws IOException {
            FileChannel ch = FileChannel.open(root.resolve(blob.entry()).toRealPath(), StandardOpenOption.READ);
            return new ChannelInputStream(ch, 0, ch.size()) {
                @Override
                public void close() throws IOException {
                    ch.close();
                }
            };
        }

        @Override
        List<String> names() {
            List<String> l = new ArrayList<>();
            try (var s = Files.walk(root, 4)) {
                s.filter(Files::isRegularFile).forEach(f -> l.add(root.relativize(f).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new InputException(display(), "cannot list: " + e.getMessage(), e);
            }
            Collections.sort(l);
            return l;
        }

        @Override
        boolean isDirectory() {
            return true;
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
