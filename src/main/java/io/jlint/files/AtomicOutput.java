package io.jlint.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file atomically: into a temporary file in the same folder, then renamed over the target, so readers
 * see the old file or the whole new one, never a half-written one; on failure the target is left as it was. Also
 * the two steps every jlint output shares (reports, fixed Dockerfiles, rewritten images): giving the temporary file
 * its final permissions, and renaming it into place.
 */
public final class AtomicOutput {
    private AtomicOutput() {
    }

    /** What writes the content. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException(target + " is a directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such directory: " + dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            // createTempFile makes the file private: keep the replaced file's permissions, or rw-r--r--
            if (posix(tmp)) {
                Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            replace(tmp, abs);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Gives {@code path} these POSIX permissions ({@code rw-r--r--}); on a file system without them (FAT, some
     * network shares) there is nothing to set, and the file keeps what the file system gives every file.
     */
    public static void setPermissions(Path path, String permissions) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView("posix");
    }

    /**
     * Renames the finished {@code temp} over {@code target}: atomically where the file system can, else as a plain
     * replacing rename (still one step, but a reader may briefly find no file).
     */
    public static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
