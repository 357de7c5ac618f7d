package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.cli.Main;
import io.jlint.image.ImageLint;
import io.jlint.image.ImageSummary;
import io.jlint.engine.Config;
import io.jlint.report.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jlint rebuild --dockerfile … --context …} with real engines: a busybox base image from the shared test
 * images (made from a root filesystem, no registry), a Dockerfile with the classic mistakes (a file made in one RUN
 * and deleted in another, separate RUNs, shell-form CMD, MAINTAINER). The fixed image must be smaller, and a
 * container of each image must print the same output for the image's own command.
 *
 * <ul>
 * <li>buildah (Debian's package): containers run with {@code buildah run --isolation chroot}. Skipped without
 *     buildah, except under {@code CI=true}, where it fails.</li>
 * <li>podman (Debian's 4.3): builds with {@code --isolation chroot} and a private vfs store, like buildah, no
 *     daemon. {@code podman run} cannot start a container in a sandbox without cgroup controllers and
 *     CAP_SYS_RESOURCE (crun: "setrlimit RLIMIT_NOFILE: Operation not permitted", then "cgroups in hybrid mode not
 *     supported"), so the saved images run with buildah as above. Skipped without podman or buildah, except under
 *     {@code CI=true}.</li>
 * <li>docker: when a daemon answers ({@code docker info} succeeds; {@code DOCKER_HOST} is honoured), never required.
 *     The saved images are loaded back into the daemon and run with {@code docker run}; jlint must leave the daemon's
 *     images as it found them.</li>
 * </ul>
 */
class RebuildEndToEndTest {

    private static final String DOCKERFILE = String.join("\n",
            "FROM bb-base:1",
            "MAINTAINER jlint tests <tests@example.com>",
            "RUN mkdir -p /opt/app",
            "# a scratch file that the last RUN removes: it stays in the layer of this RUN",
            "RUN dd if=/dev/zero of=/tmp/blob bs=1024 count=2048",
            "RUN echo 'hello from jlint' > /opt/app/message.txt",
            "RUN rm -f /tmp/blob",
            "CMD cat /opt/app/message.txt",
            "");

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path tmp;

    @Test
    void buildah() throws Exception {
        require("buildah");
        Images images = rebuild("buildah");
        assertRunTheSame(buildahRun(images.original(), images.before().cmd()),
                buildahRun(images.fixed(), images.after().cmd()));
    }

    @Test
    void podman() throws Exception {
        require("podman");
        require("buildah");
        Images images = rebuild("podman");
        assertRunTheSame(buildahRun(images.original(), images.before().cmd()),
                buildahRun(images.fixed(), images.after().cmd()));
    }

    @Test
    void docker() throws Exception {
        Assumptions.assumeTrue(EngineRebuild.onPath("docker") != null, "docker is not installed");
        Assumptions.assumeTrue(answers(List.of("docker", "info")), "no docker daemon answers (docker info)");
        List<String> ids = List.of("docker", "images", "--all", "--quiet", "--no-trunc");
        String before = exec(ids);
        Images images = rebuild("docker");
        assertEquals(before, exec(ids), "jlint left images behind in the daemon, or removed some");
        assertRunTheSame(dockerRun(images.original()), dockerRun(images.fixed()));
    }

    private static void require(String engine) {
        if (EngineRebuild.onPath(engine) == null) {
            if (CI) {
                fail(engine + " is not installed (CI=true): apt-get install --no-install-recommends " + engine);
            }
            Assumptions.abort(engine + " is not installed");
        }
    }

    private record Images(Path original, Path fixed, ImageSummary before, ImageSummary after) {
    }

    /** Runs jlint rebuild with the engine and checks the report and the two saved images. */
    private Images rebuild(String engine) throws Exception {
        Path base = Path.of(System.getProperty("jlint.shared", "../shared"), "testimages", "buildah",
                "docker-archive", "bb-base.tar");
        assertTrue(Files.isRegularFile(base), base + " is missing");
        Path context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(context.resolve("README"), "context file\n");
        Map<String, String> contextBefore = snapshot(context);
        Path fixed = tmp.resolve("fixed.tar");
        Path original = tmp.resolve("original.tar");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"rebuild", "--dockerfile", context.resolve("Dockerfile").toString(),
            "--context", context.toString(), "--engine", engine, "--base-image", "bb-base:1=" + base,
            "-o", fixed.toString(), "--original-output", original.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, "jlint rebuild failed:\n" + report + err.toString(StandardCharsets.UTF_8));
        assertTrue(report.contains("size (bytes)") && report.contains("[JL201]") && report.contains("[JL501]")
                && report.contains("engine: " + engine + ";"), report);
        assertEquals(contextBefore, snapshot(context), "the build context was written to");

        ImageSummary before = summary(original);
        ImageSummary after = summary(fixed);
        System.out.println("rebuild e2e (" + engine + "): original " + before.totalSize() + " bytes in "
                + before.layers().size() + " layers (" + before.wastedBytes() + " wasted), fixed " + after.totalSize()
                + " bytes in " + after.layers().size() + " layers (" + after.wastedBytes() + " wasted)");
        assertTrue(after.totalSize() < before.totalSize() - 1_000_000, "the fixed image is not smaller: "
                + before.totalSize() + " -> " + after.totalSize());
        assertTrue(before.wastedBytes() >= 2 * 1024 * 1024 && after.wastedBytes() == 0,
                before.wastedBytes() + " -> " + after.wastedBytes());
        assertEquals(List.of("/bin/sh", "-c", "cat /opt/app/message.txt"), before.cmd());
        assertEquals(List.of("cat", "/opt/app/message.txt"), after.cmd());
        return new Images(original, fixed, before, after);
    }

    private static void assertRunTheSame(String a, String b) {
        assertEquals("hello from jlint\n", a);
        assertEquals(a, b, "the two images print different output");
    }

    private static ImageSummary summary(Path archive) {
        List<Result> r = ImageLint.lint(archive, Config.defaults());
        assertEquals(1, r.size());
        return (ImageSummary) r.get(0).image();
    }

    /** Loads the archive into a private buildah storage, runs the command in a container, returns its stdout. */
    private String buildahRun(Path archive, List<String> cmd) throws Exception {
        Path store = Files.createTempDirectory(tmp, "store");
        List<String> b = List.of("buildah", "--root", store.resolve("root").toString(), "--runroot",
                store.resolve("runroot").toString(), "--storage-driver", "vfs");
        try {
            String id = last(exec(b, "pull", "-q", "docker-archive:" + archive));
            String container = last(exec(b, "from", "--pull=never", id));
            List<String> run = new ArrayList<>(List.of("run", "--isolation", "chroot", container, "--"));
            run.addAll(cmd);
            String output = exec(b, run.toArray(String[]::new));
            exec(b, "rm", "--all");
            exec(b, "rmi", "--all", "--force");
            return output;
        } finally {
            EngineRebuild.unmountBelow(store);
            EngineRebuild.deleteTree(store);
        }
    }

    /** Loads the archive into the docker daemon, runs the image's own command, removes the image again. */
    private static String dockerRun(Path archive) throws Exception {
        String loaded = last(exec(List.of("docker", "load", "-i", archive.toString())));
        String image = loaded.substring(loaded.lastIndexOf(' ') + 1);
        try {
            return exec(List.of("docker", "run", "--rm", "--network", "none", image));
        } finally {
            exec(List.of("docker", "rmi", image));
        }
    }

    private static boolean answers(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return p.waitFor() == 0;
    }

    private static String exec(List<String> prefix, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    private static String last(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return out;
    }
}
