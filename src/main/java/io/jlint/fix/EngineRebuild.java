package io.jlint.fix;

import io.jlint.files.AtomicOutput;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.image.ImageArchive;
import io.jlint.image.ImageLint;
import io.jlint.image.ImageRef;
import io.jlint.image.ImageSummary;
import io.jlint.report.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jlint rebuild --dockerfile FILE --context DIR}: fixes the Dockerfile ({@link FixApplier}) into a temporary
 * copy, builds the original and the fixed one with a real engine (buildah, podman or docker found on PATH), saves
 * both images as docker archives, analyses both with the image inspector and compares them: size, layers, wasted
 * bytes, findings. The build context is never written to (the fixed Dockerfile lives in a temporary folder and is
 * passed with {@code -f}).
 *
 * <p>buildah and podman run with a private storage ({@code --root}/{@code --runroot} under the temporary folder,
 * vfs driver; podman also keeps its state ({@code --tmpdir}) there and writes no events) and {@code --isolation
 * chroot}, so they need no daemon and leave nothing in the host's container storage; base images can be given as
 * archives ({@code --base-image NAME=ARCHIVE}), then the builds never pull ({@code --pull=never}). Afterwards the
 * images are removed, whatever the engine mounted under the temporary folder is unmounted and the folder deleted.
 *
 * <p>docker works through its daemon, whose image store is shared with the user and with other builds: jlint first
 * asks the daemon for its version (a daemon that does not answer fails there, with docker's own message), tags its
 * two images with a name unique to the run, and afterwards removes them and gives every tag a base image archive
 * set back to what it named before (removed when it named nothing).
 */
public final class EngineRebuild {

    /** What to rebuild and how. */
    public record Request(Path dockerfile, Path context, String engine, Map<String, Path> baseImages,
                          Path fixedOutput, Path originalOutput, Config config) {
        public Request {
            baseImages = Map.copyOf(new LinkedHashMap<>(baseImages));
        }
    }

    /** One side of the comparison. */
    public record Side(long size, int layers, long wastedBytes, double efficiency, int imageFindings,
                       int dockerfileFindings, List<String> cmd, List<String> entrypoint) {
    }

    /** The comparison, with the fixes that made the difference. */
    public record Comparison(String engine, Side original, Side fixed, List<FixApplier.Applied> fixes,
                             List<FixApplier.Unfixed> unfixed, boolean changed) {
    }

    /** An engine command failed: its exit status and what ran. */
    public static final class EngineFailure extends RuntimeException {
        private final int status;

        EngineFailure(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final PrintWriter err;
    private final String engine;
    private final Path work;
    private final List<String> prefix;
    private final String originalTag;
    private final String fixedTag;
    /** docker only: the tags that loading base images set, each with the image id it named before (or null). */
    private final Map<String, String> touchedTags = new LinkedHashMap<>();
    /** docker only: the ids of the base images the daemon did not hold before jlint loaded them. */
    private final List<String> newImages = new ArrayList<>();

    private EngineRebuild(PrintWriter err, String engine, Path work) {
        this.err = err;
        this.engine = engine;
        this.work = work;
        List<String> storage = List.of("--root", work.resolve("root").toString(), "--runroot",
                work.resolve("runroot").toString(), "--storage-driver", "vfs");
        List<String> p = new ArrayList<>(List.of(engine));
        switch (engine) {
            case "buildah" -> p.addAll(storage);
            case "podman" -> {
                p.addAll(storage);
                p.addAll(List.of("--tmpdir", work.resolve("tmp").toString(), "--events-backend", "none"));
            }
            default -> { }
        }
        this.prefix = List.copyOf(p);
        // the daemon's store is shared: a tag of this run's own, so that parallel runs cannot swap images
        String tag = engine.equals("docker") ? "run-" + work.getFileName().toString().replaceAll("[^0-9]", "")
                : "latest";
        this.originalTag = "jlint-rebuild/original:" + tag;
        this.fixedTag = "jlint-rebuild/fixed:" + tag;
    }

    /** The engines jlint drives, in the order it prefers them when none is named. */
    public static final List<String> ENGINES = List.of("buildah", "podman", "docker");

    /** Runs the whole rebuild; the engines' own output goes to {@code err}. */
    public static Comparison run(Request r, PrintWriter err) {
        if (!Files.isRegularFile(r.dockerfile())) {
            throw new InputException(r.dockerfile().toString(), "no such Dockerfile");
        }
        if (!Files.isDirectory(r.context())) {
            throw new InputException(r.context().toString(), "the build context is not a directory");
        }
        for (Map.Entry<String, Path> b : r.baseImages().entrySet()) {
            if (!Files.isRegularFile(b.getValue())) {
                throw new InputException(b.getValue().toString(), "no such base image archive (for " + b.getKey()
                        + ")");
            }
        }
        String engine = r.engine() != null ? r.engine().toLowerCase(Locale.ROOT) : detect();
        if (!ENGINES.contains(engine)) {
            throw new InputException(engine, "unknown engine (buildah, podman or docker)");
        }
        if (onPath(engine) == null) {
            throw new InputException(engine, "the engine is not on PATH");
        }
        String display = r.dockerfile().toString();
        byte[] bytes = DockerfileParser.read(r.dockerfile(), display);
        String source = DockerfileParser.parse(display, bytes).source();
        Engine lint = Engine.standard();
        FixApplier.Result fixed = new FixApplier(lint).fix(display, source, r.config(), null, r.context());

        Path work;
        try {
            work = Files.createTempDirectory("jlint-rebuild-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EngineRebuild e = new EngineRebuild(err, engine, work);
        try {
            Path fixedFile = work.resolve("Dockerfile.fixed");
            Files.writeString(fixedFile, fixed.fixed(), StandardCharsets.UTF_8);
            if (engine.equals("docker")) {
                e.exec(List.of("version", "--format", "{{.Server.Version}}"), "reaching the docker daemon", true);
            }
            e.loadBaseImages(r.baseImages());
            Path originalTar = work.resolve("original.tar");
            Path fixedTar = work.resolve("fixed.tar");
            e.build(r.dockerfile().toAbsolutePath(), r.context().toAbsolutePath(), e.originalTag,
                    "the original Dockerfile", !r.baseImages().isEmpty());
            e.save(e.originalTag, originalTar);
            e.build(fixedFile, r.context().toAbsolutePath(), e.fixedTag, "the fixed Dockerfile",
                    !r.baseImages().isEmpty());
            e.save(e.fixedTag, fixedTar);
            Side before = side(originalTar, "original image", source, display, r.config(), lint);
            Side after = side(fixedTar, "fixed image", fixed.fixed(), display, r.config(), lint);
            if (r.fixedOutput() != null) {
                moveInto(fixedTar, r.fixedOutput());
            }
            if (r.originalOutput() != null) {
                moveInto(originalTar, r.originalOutput());
            }
            return new Comparison(engine, before, after, fixed.applied(), fixed.unfixed(), fixed.changed());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            e.cleanUp();
        }
    }

    /** The first engine on PATH, in {@link #ENGINES} order (whether docker's daemon answers is checked later). */
    static String detect() {
        for (String e : ENGINES) {
            if (onPath(e) != null) {
                return e;
            }
        }
        throw new InputException("--engine", "no container engine on PATH (looked for buildah, podman, docker)");
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private void loadBaseImages(Map<String, Path> images) {
        for (Map.Entry<String, Path> b : images.entrySet()) {
            String archive = b.getValue().toAbsolutePath().toString();
            String id;
            if (engine.equals("docker")) {
                List<String> names = new ArrayList<>();
                try (ImageArchive a = ImageArchive.open(b.getValue(), null)) {
                    for (ImageRef ref : a.images()) {
                        names.addAll(ref.tags());
                        if (!newImages.contains(ref.configDigest()) && imageId(ref.configDigest()) == null) {
                            newImages.add(ref.configDigest());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names.add(b.getKey());
                for (String name : names) {
                    touchedTags.putIfAbsent(name, imageId(name));
                }
                String out = exec(List.of("load", "-i", archive), "loading base image " + archive, true);
                id = lastWord(out);
            } else {
                String out = exec(List.of("pull", "-q", "docker-archive:" + archive), "loading base image " + archive,
                        true);
                id = lastWord(out);
            }
            exec(List.of("tag", id, b.getKey()), "tagging base image " + b.getKey(), false);
        }
    }

    /**
     * docker only: the id of the image that {@code name} (a tag, or an id) names in the daemon's store, null when it
     * names none.
     */
    private String imageId(String name) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("image", "inspect", "--format", "{{.Id}}", name));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            throw new EngineFailure("cannot run " + engine + " (looking up image " + name + "): " + e.getMessage(),
                    -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted while looking up image " + name, -1);
        }
    }

    private static String lastWord(String out) {
        String t = out.strip();
        int nl = t.lastIndexOf('\n');
        String line = t.substring(nl + 1).strip();
        int sp = line.lastIndexOf(' ');
        return line.substring(sp + 1);
    }

    private void build(Path dockerfile, Path context, String tag, String what, boolean pullNever) {
        List<String> args = new ArrayList<>();
        switch (engine) {
            case "buildah" -> {
                args.addAll(List.of("bud", "--layers", "--isolation", "chroot", "--format", "docker"));
                args.add(pullNever ? "--pull=never" : "--pull=missing");
            }
            case "podman" -> {
                args.addAll(List.of("build", "--layers", "--isolation", "chroot", "--format", "docker"));
                args.add(pullNever ? "--pull=never" : "--pull=missing");
            }
            default -> args.add("build");
        }
        args.addAll(List.of("-f", dockerfile.toString(), "-t", tag, context.toString()));
        exec(args, "building " + what, false);
    }

    private void save(String tag, Path archive) {
        switch (engine) {
            case "buildah" -> exec(List.of("push", "-q", tag, "docker-archive:" + archive + ":" + tag), "saving "
                    + tag, false);
            case "podman" -> exec(List.of("save", "--format", "docker-archive", "-o", archive.toString(), tag),
                    "saving " + tag, false);
            default -> exec(List.of("save", "-o", archive.toString(), tag), "saving " + tag, false);
        }
    }

    private static Side side(Path archive, String display, String dockerfileText, String dockerfileName,
                             Config config, Engine lint) {
        List<Result> results = ImageLint.lint(archive, display, config, lint, ImageLint.options(config), null);
        if (results.size() != 1 || !(results.get(0).image() instanceof ImageSummary s)) {
            throw new IllegalStateException("the engine saved " + results.size() + " images in " + archive);
        }
        List<Finding> df = lint.lint(DockerfileParser.parse(dockerfileName, dockerfileText), config);
        return new Side(s.totalSize(), s.layers().size(), s.wastedBytes(), s.efficiency(),
                results.get(0).findings().size(), df.size(), s.cmd(), s.entrypoint());
    }

    /**
     * Runs {@code engine args…}. Its output goes to the error stream as it comes; with {@code capture}, only its
     * standard error does, and its standard output is returned. A failure names the exit status, the engine's last
     * line of output (usually its error message) and the command.
     */
    private String exec(List<String> args, String what, boolean capture) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(!capture);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path errFile = work.resolve("engine-stderr.txt");
        if (capture) {
            pb.redirectError(errFile.toFile());
        }
        try {
            Process p = pb.start();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            LastLine last = new LastLine();
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (capture) {
                        captured.write(buf, 0, n);
                    } else {
                        String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                        last.add(text);
                        err.print(text);
                        err.flush();
                    }
                }
            }
            int status = p.waitFor();
            if (capture) {
                String text = Files.readString(errFile, StandardCharsets.UTF_8);
                Files.deleteIfExists(errFile);
                last.add(text);
                err.print(text);
                err.flush();
            }
            if (status != 0) {
                String said = last.get();
                throw new EngineFailure(engine + " failed " + what + " (exit status " + status + ")"
                        + (said.isEmpty() ? "" : ": " + said) + System.lineSeparator() + "  command: "
                        + String.join(" ", cmd), status);
            }
            return captured.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineFailure("cannot run " + engine + " (" + what + "): " + e.getMessage(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted while " + what, -1);
        }
    }

    /** The last non-blank line of a stream of text given in pieces (ANSI colour codes taken out). */
    private static final class LastLine {
        private final StringBuilder tail = new StringBuilder();

        void add(String text) {
            tail.append(text);
            if (tail.length() > 16_384) {
                tail.delete(0, tail.length() - 8192);
            }
        }

        String get() {
            String[] lines = tail.toString().replaceAll("\\u001B\\[[0-9;]*[A-Za-z]", "").split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].strip();
                }
            }
            return "";
        }
    }

    /** Copies the saved image to the user's output, atomically. */
    private static void moveInto(Path from, Path to) throws IOException {
        AtomicOutput.write(to, os -> Files.copy(from, os));
    }

    /** Removes the images, unmounts what the engine mounted under the work folder, deletes the folder. */
    private void cleanUp() {
        try {
            switch (engine) {
                case "buildah" -> {
                    quiet(List.of("rm", "--all"));
                    quiet(List.of("rmi", "--all", "--force"));
                }
                case "podman" -> {
                    quiet(List.of("rm", "--all", "--force"));
                    quiet(List.of("rmi", "--all", "--force"));
                }
                default -> {
                    quiet(List.of("rmi", "--force", originalTag, fixedTag));
                    for (Map.Entry<String, String> t : touchedTags.entrySet()) {
                        if (t.getValue() == null) {
                            quiet(List.of("rmi", t.getKey()));
                        } else if (!t.getValue().equals(currentId(t.getKey()))) {
                            quiet(List.of("tag", t.getValue(), t.getKey()));
                        }
                    }
                    // a base image jlint brought in goes again, unless something else now holds on to it
                    for (String id : newImages) {
                        quiet(List.of("rmi", id));
                    }
                }
            }
        } finally {
            unmountBelow(work);
            deleteTree(work);
        }
    }

    /** {@link #imageId} for the clean-up, which must go on whatever happens. */
    private String currentId(String name) {
        try {
            return imageId(name);
        } catch (EngineFailure e) {
            err.println("jlint: cleaning up: " + e.getMessage());
            return null;
        }
    }

    private void quiet(List<String> args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
        } catch (IOException e) {
            err.println("jlint: cleaning up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unmounts (deepest first) every mount point below {@code dir} listed in /proc/self/mounts. */
    static void unmountBelow(Path dir) {
        Path mounts = Path.of("/proc/self/mounts");
        if (!Files.isReadable(mounts)) {
            return;
        }
        List<String> points = new ArrayList<>();
        try {
            String prefix = dir.toRealPath().toString() + "/";
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length > 1) {
                    String point = f[1].replace("\\040", " ");
                    if (point.startsWith(prefix)) {
                        points.add(point);
                    }
                }
            }
        } catch (IOException e) {
            return;
        }
        points.sort(Comparator.comparingInt(String::length).reversed());
        for (String p : points) {
            try {
                new ProcessBuilder("umount", "-l", p).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (IOException e) {
                // nothing more to do: the folder may then stay behind
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    d.toFile().setWritable(true);
                    d.toFile().setExecutable(true);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temporary folder left behind is not worth failing the command for
        }
    }

    /** The comparison as the command prints it. */
    public static void print(Comparison c, PrintWriter out) {
        Side a = c.original();
        Side b = c.fixed();
        out.printf("%-22s %14s %14s %10s%n", "", "original", "fixed", "change");
        row(out, "size (bytes)", a.size(), b.size());
        row(out, "layers", a.layers(), b.layers());
        row(out, "wasted bytes", a.wastedBytes(), b.wastedBytes());
        out.printf(Locale.ROOT, "%-22s %14.4f %14.4f %10s%n", "efficiency", a.efficiency(), b.efficiency(), "");
        row(out, "image findings", a.imageFindings(), b.imageFindings());
        row(out, "Dockerfile findings", a.dockerfileFindings(), b.dockerfileFindings());
        out.println("engine: " + c.engine() + "; " + c.fixes().size() + " fix" + (c.fixes().size() == 1 ? "" : "es")
                + " applied" + (c.changed() ? "" : " (nothing to fix: both builds use the same Dockerfile)"));
        for (FixApplier.Applied f : c.fixes()) {
            out.println("  line " + f.line() + ": [" + f.rule() + "] " + f.description());
        }
        out.flush();
    }

    private static void row(PrintWriter out, String what, long a, long b) {
        String change = a == 0 ? (b == 0 ? "0" : "+" + b) : String.format(Locale.ROOT, "%+.1f%%", 100.0 * (b - a) / a);
        out.printf(Locale.ROOT, "%-22s %14d %14d %10s%n", what, a, b, change);
    }
}
