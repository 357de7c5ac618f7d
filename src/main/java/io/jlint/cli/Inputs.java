package io.jlint.cli;

import io.jlint.engine.Config;
import io.jlint.engine.InputException;
import io.jlint.report.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the command line's PATHs into inputs: Dockerfiles (files of any name, standard input, and the Dockerfiles
 * found below a directory) and image archives, which are recognised by their content, never by their name.
 */
final class Inputs {
    private Inputs() {
    }

    /** Larger than any real Dockerfile; guards against reading a huge non-image file into memory. */
    static final long MAX_DOCKERFILE_BYTES = 16L << 20;

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

    /** One input; {@code display} is how reports name it. */
    sealed interface Input permits DockerfileInput, StdinInput, ImageInput, BadInput {
        String display();
    }

    /** A Dockerfile on disk (or any file that is not an image archive). */
    record DockerfileInput(Path path, String display) implements Input {
    }

    /** The Dockerfile on standard input. */
    record StdinInput(String display) implements Input {
    }

    /** A docker-archive or OCI image: a tar (maybe compressed) or an OCI layout folder. */
    record ImageInput(Path path, String display) implements Input {
    }

    /** A PATH that cannot be linted; reported and skipped. */
    record BadInput(String display, InputException error) implements Input {
    }

    /** The inputs for the command-line PATHs, in order (a directory's Dockerfiles sorted by path). */
    static List<Input> expand(List<String> args, String stdinName) {
        List<Input> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                out.add(new StdinInput(stdinName != null ? stdinName : "-"));
                continue;
            }
            Path p = Path.of(arg);
            try {
                if (Files.isDirectory(p)) {
                    if (isImageLayout(p)) {
                        out.add(new ImageInput(p, arg));
                    } else {
                        List<Path> found = dockerfilesBelow(p);
                        if (found.isEmpty()) {
                            out.add(new BadInput(arg, new InputException(arg,
                                    "no Dockerfile below this directory (looked for Dockerfile, Containerfile, "
                                            + "*.Dockerfile, *.dockerfile, Dockerfile.*)")));
                        }
                        for (Path f : found) {
                            out.add(new DockerfileInput(f, f.toString()));
                        }
                    }
                } else if (!Files.exists(p)) {
                    out.add(new BadInput(arg, new InputException(arg, "no such file or directory")));
                } else if (Files.isRegularFile(p) && isImageArchive(head(p))) {
                    out.add(new ImageInput(p, arg));
                } else {
                    out.add(new DockerfileInput(p, arg));
                }
            } catch (IOException e) {
                out.add(new BadInput(arg, new InputException(arg, "cannot read: " + message(e))));
            }
        }
        return out;
    }

    /** True for the names jlint lints inside a directory. */
    static boolean isDockerfileName(String name) {
        return name.equals("Dockerfile") || name.equals("Containerfile") || name.endsWith(".Dockerfile")
                || name.endsWith(".dockerfile") || name.startsWith("Dockerfile.");
    }

    private static List<Path> dockerfilesBelow(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(dir) && SKIPPED_DIRS.contains(d.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isDockerfileName(f.getFileName().toString())) {
                    found.add(f.normalize());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                throw e;
            }
        });
        found.sort(null);
        return found;
    }

    /** An OCI image layout folder ({@code oci-layout}), or a Docker 25+ save extracted ({@code index.json} + blobs). */
    static boolean isImageLayout(Path dir) {
        return Files.isRegularFile(dir.resolve("oci-layout"))
                || (Files.isRegularFile(dir.resolve("index.json")) && Files.isDirectory(dir.resolve("blobs")));
    }

    /** The first 512 bytes of a file (fewer if it is shorter). */
    static byte[] head(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer buf = ByteBuffer.allocate(512);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill up to 512 bytes
            }
            byte[] out = new byte[buf.position()];
            buf.flip().get(out);
            return out;
        }
    }

    /** A tar ({@code ustar} magic at offset 257), gzip ({@code 1f 8b}) or zstd ({@code 28 b5 2f fd}) stream. */
    static boolean isImageArchive(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return true;
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
                && (head[3] & 0xff) == 0xfd) {
            return true;
        }
        return head.length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r';
    }

    /** Reads a Dockerfile from disk, refusing absurd sizes. */
    static byte[] readDockerfile(Path file, String display) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_DOCKERFILE_BYTES) {
                throw new InputException(display, "too large for a Dockerfile (" + Files.size(file)
                        + " bytes) and not an image archive");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readLimited(in, display);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(display, "no such file or directory");
        } catch (IOException e) {
            throw new InputException(display, "cannot read: " + message(e));
        }
    }

    /** Reads standard input (a Dockerfile; images must be given as files). */
    static byte[] readStdin(InputStream in, String display) {
        byte[] bytes;
        try {
            bytes = readLimited(in, display);
        } catch (IOException e) {
            throw new InputException(display, "cannot read standard input: " + message(e));
        }
        if (isImageArchive(bytes)) {
            throw new InputException(display, "an image archive on standard input: save it to a file and pass its "
                    + "path");
        }
        return bytes;
    }

    private static byte[] readLimited(InputStream in, String display) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_DOCKERFILE_BYTES + 1);
        if (bytes.length > MAX_DOCKERFILE_BYTES) {
            throw new InputException(display, "too large for a Dockerfile (over " + MAX_DOCKERFILE_BYTES
                    + " bytes) and not an image archive");
        }
        return bytes;
    }

    private static String message(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Lints an image archive or layout. The single place where image inputs leave the CLI: the image analysis
     * ({@code io.jlint.image.ImageLint.lint(Path, Config)}) plugs in here.
     */
    static List<Result> lintImage(ImageInput image, Config config) {
        return io.jlint.image.ImageLint.lint(image.path(), image.display(), config, io.jlint.engine.Engine.standard(),
                io.jlint.image.ImageLint.options(config));
    }
}
