package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines {@code jlint rebuild --dockerfile} runs for each engine, pinned with a stand-in engine on PATH (a
 * shell script named docker, podman or buildah that logs its arguments, keeps a little image store of tags in a file,
 * and "saves" images by copying shared test archives), so they are checked on machines without the engines; and what
 * jlint does when the engine fails (docker without a daemon, a failing build): exit 2, the engine's status and
 * message, the clean-up still done, no output written, no temporary folder left. jlint runs in a fresh JVM, since
 * the stand-in must be on its PATH.
 */
class RebuildEngineCommandsTest {

    private static final String DOCKERFILE = String.join("\n",
            "FROM bb-base:1",
            "RUN mkdir -p /opt/app",
            "RUN echo 'hello from jlint' > /opt/app/message.txt",
            "CMD cat /opt/app/message.txt",
            "");

    /** The base archive's config digest: its image id. */
    private static final String BASE_ID = "sha256:eb891c987ec4f421f461b37518886f0ea1445b95006df17e42e047c4e392d80d";

    /**
     * The stand-in engine. The store ({@code $FAKE_DIR/images}) has one line per tag, {@code NAME ID}, and
     * {@code <none> ID} for an image that lost its last tag to another image; {@code FAKE_FAIL=SUBCOMMAND} makes that
     * subcommand print a line of noise and {@code FAKE_MESSAGE} to standard error and exit {@code FAKE_STATUS}.
     */
    private static final String FAKE_ENGINE = """
            #!/bin/bash
            set -u
            echo "${0##*/} $*" >> "$FAKE_DIR/log"
            while [ $# -gt 0 ]; do
              case "$1" in
                --root|--runroot|--storage-driver|--tmpdir|--events-backend) shift 2 ;;
                *) break ;;
              esac
            done
            sub=$1; shift
            store=$FAKE_DIR/images
            touch "$store"
            if [ "$sub" = "${FAKE_FAIL:-}" ]; then
              echo "some progress before the error" >&2
              echo "$FAKE_MESSAGE" >&2
              exit "$FAKE_STATUS"
            fi
            lookup() { awk -v n="$1" '$1 == n || $2 == n { print $2; exit }' "$store"; }
            settag() {  # settag NAME ID: NAME now names ID; an image left without a tag stays, untagged
              local old; old=$(awk -v n="$1" '$1 == n { print $2 }' "$store")
              awk -v n="$1" -v i="$2" '$1 != n && !($1 == "<none>" && $2 == i)' "$store" > "$store.new"
              echo "$1 $2" >> "$store.new"
              if [ -n "$old" ] && [ "$old" != "$2" ] && ! awk -v i="$old" '$2 == i { f = 1 } END { exit !f }' "$store.new"; then
                echo "<none> $old" >> "$store.new"
              fi
              mv "$store.new" "$store"
            }
            last() { local a; for a in "$@"; do :; done; echo "$a"; }
            after() { local k=$1; shift; while [ $# -gt 1 ]; do [ "$1" = "$k" ] && { echo "$2"; return; }; shift; done; }
            case "$sub" in
              version) echo 20.10.24 ;;
              image)
                id=$(lookup "$(last "$@")")
                [ -n "$id" ] || { echo "Error: No such image: $(last "$@")" >&2; exit 1; }
                echo "$id" ;;
              load)
                for t in $FAKE_LOAD_TAGS; do settag "$t" "$FAKE_LOAD_ID"; echo "Loaded image: $t"; done ;;
              pull) echo "${FAKE_LOAD_ID#sha256:}" ;;
              tag)
                id=$(lookup "$1"); [ -n "$id" ] || id=$1
                settag "$2" "$id" ;;
              build|bud)
                echo "STEP 1/3: FROM bb-base:1"
                t=$(after -t "$@"); settag "$t" "sha256:built-${t//[^a-z]/}" ;;
              save)
                out=$(after -o "$@"); t=$(last "$@")
                case "$t" in *original*) cp "$FAKE_ORIGINAL" "$out" ;; *) cp "$FAKE_FIXED" "$out" ;; esac ;;
              push)
                to=$(last "$@"); dest=${to#docker-archive:}; dest=${dest%%:*}
                case "$to" in *original*) cp "$FAKE_ORIGINAL" "$dest" ;; *) cp "$FAKE_FIXED" "$dest" ;; esac ;;
              rmi)
                for n in "$@"; do
                  case "$n" in
                    --all) : > "$store" ;;
                    --force) ;;
                    sha256:*)
                      if awk -v i="$n" '$2 == i && $1 != "<none>" { f = 1 } END { exit !f }' "$store"; then
                        echo "Error: image $n is tagged" >&2; exit 1
                      fi
                      awk -v i="$n" '$2 != i' "$store" > "$store.new"; mv "$store.new" "$store" ;;
                    *) awk -v t="$n" '$1 != t' "$store" > "$store.new"; mv "$store.new" "$store" ;;
                  esac
                done ;;
              rm) ;;
              *) echo "fake engine: unexpected $sub" >&2; exit 99 ;;
            esac
            """;

    @TempDir
    Path tmp;

    private Path context;
    private Path fake;
    private Path javaTmp;
    private Path base;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        Path shared = Path.of(System.getProperty("jlint.shared", "../shared"), "testimages", "buildah",
                "docker-archive").toAbsolutePath().normalize();
        base = shared.resolve("bb-base.tar");
        assertTrue(Files.isRegularFile(base), base + " is missing");
        context = Files.createDirectories(tmp.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
        fake = Files.createDirectories(tmp.resolve("fake"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String engine : List.of("docker", "podman", "buildah")) {
            Path script = bin.resolve(engine);
            Files.writeString(script, FAKE_ENGINE);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("FAKE_DIR", fake.toString());
        env.put("FAKE_ORIGINAL", shared.resolve("bb-wasted.tar").toString());
        env.put("FAKE_FIXED", shared.resolve("bb-wasted-squashed.tar").toString());
        env.put("FAKE_LOAD_TAGS", "localhost/bb-base:latest localhost/busybox-base:1");
        env.put("FAKE_LOAD_ID", BASE_ID);
        env.remove("DOCKER_HOST");
    }

    private Cli rebuild(String engine, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("rebuild", "--dockerfile", context.resolve("Dockerfile").toString(),
                "--context", context.toString(), "--engine", engine, "--base-image", "bb-base:1=" + base,
                "-o", tmp.resolve("fixed.tar").toString(), "--original-output", tmp.resolve("original.tar").toString()));
        args.addAll(List.of(more));
        return Cli.jvm(List.of(), env, List.of("-Djava.io.tmpdir=" + javaTmp, "-XX:-UsePerfData"),
                args.toArray(String[]::new));
    }

    /** The stand-in's log, with the run's temporary folder written as WORK and docker's run tag as run-N. */
    private List<String> log() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(fake.resolve("log"))) {
            out.add(line.replaceAll(java.util.regex.Pattern.quote(javaTmp.toString()) + "/jlint-rebuild-[0-9]+", "WORK")
                    .replaceAll(":run-[0-9]+", ":run-N"));
        }
        return out;
    }

    private void assertNoWorkFolderLeft() throws IOException {
        try (Stream<Path> s = Files.list(javaTmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("jlint-rebuild-")).toList(),
                    "the temporary folder was left behind");
        }
    }

    private List<String> store() throws IOException {
        Path f = fake.resolve("images");
        return Files.exists(f) ? Files.readAllLines(f).stream().sorted().toList() : List.of();
    }

    private void assertOutputs(boolean written) throws IOException {
        for (String name : List.of("fixed.tar", "original.tar")) {
            assertEquals(written, Files.exists(tmp.resolve(name)), name);
        }
        if (written) {
            assertArrayEquals(Files.readAllBytes(Path.of(env.get("FAKE_FIXED"))),
                    Files.readAllBytes(tmp.resolve("fixed.tar")));
            assertArrayEquals(Files.readAllBytes(Path.of(env.get("FAKE_ORIGINAL"))),
                    Files.readAllBytes(tmp.resolve("original.tar")));
        }
    }

    private List<String> storageEngine(String engine, List<String> build, String save) {
        String p = engine + " --root WORK/root --runroot WORK/runroot --storage-driver vfs"
                + (engine.equals("podman") ? " --tmpdir WORK/tmp --events-backend none" : "");
        String b = String.join(" ", build);
        return List.of(
                p + " pull -q docker-archive:" + base,
                p + " tag " + BASE_ID.substring("sha256:".length()) + " bb-base:1",
                p + " " + b + " -f " + context + "/Dockerfile -t jlint-rebuild/original:latest " + context,
                p + " " + save.replace("TAG", "jlint-rebuild/original:latest").replace("FILE", "WORK/original.tar"),
                p + " " + b + " -f WORK/Dockerfile.fixed -t jlint-rebuild/fixed:latest " + context,
                p + " " + save.replace("TAG", "jlint-rebuild/fixed:latest").replace("FILE", "WORK/fixed.tar"));
    }

    @Test
    void podmanBuildsWithAPrivateStoreAndSavesDockerArchives() throws Exception {
        Cli r = rebuild("podman");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("engine: podman;"), r.out());
        assertTrue(r.err().contains("STEP 1/3"), "the engine's output goes to standard error: " + r.err());
        List<String> expected = new ArrayList<>(storageEngine("podman", List.of("build", "--layers", "--isolation",
                "chroot", "--format", "docker", "--pull=never"), "save --format docker-archive -o FILE TAG"));
        String p = "podman --root WORK/root --runroot WORK/runroot --storage-driver vfs --tmpdir WORK/tmp"
                + " --events-backend none";
        expected.add(p + " rm --all --force");
        expected.add(p + " rmi --all --force");
        assertEquals(expected, log());
        assertOutputs(true);
        assertNoWorkFolderLeft();
    }

    @Test
    void buildahBuildsWithAPrivateStoreAndPushesToDockerArchives() throws Exception {
        Cli r = rebuild("buildah");
        assertEquals(0, r.status(), r.toString());
        List<String> expected = new ArrayList<>(storageEngine("buildah", List.of("bud", "--layers", "--isolation",
                "chroot", "--format", "docker", "--pull=never"), "push -q TAG docker-archive:FILE:TAG"));
        String p = "buildah --root WORK/root --runroot WORK/runroot --storage-driver vfs";
        expected.add(p + " rm --all");
        expected.add(p + " rmi --all --force");
        assertEquals(expected, log());
        assertOutputs(true);
        assertNoWorkFolderLeft();
    }

    @Test
    void dockerUsesRunTagsAndLeavesTheDaemonsStoreAsItFoundIt() throws Exception {
        // the user already has an image called bb-base:1, and an unrelated one
        Files.writeString(fake.resolve("images"), "bb-base:1 sha256:users\nother:2 sha256:other\n");
        List<String> before = store();
        Cli r = rebuild("docker");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("engine: docker;"), r.out());
        assertEquals(List.of(
                "docker version --format {{.Server.Version}}",
                "docker image inspect --format {{.Id}} " + BASE_ID,
                "docker image inspect --format {{.Id}} localhost/bb-base:latest",
                "docker image inspect --format {{.Id}} localhost/busybox-base:1",
                "docker image inspect --format {{.Id}} bb-base:1",
                "docker load -i " + base,
                "docker tag localhost/busybox-base:1 bb-base:1",
                "docker build -f " + context + "/Dockerfile -t jlint-rebuild/original:run-N " + context,
                "docker save -o WORK/original.tar jlint-rebuild/original:run-N",
                "docker build -f WORK/Dockerfile.fixed -t jlint-rebuild/fixed:run-N " + context,
                "docker save -o WORK/fixed.tar jlint-rebuild/fixed:run-N",
                "docker rmi --force jlint-rebuild/original:run-N jlint-rebuild/fixed:run-N",
                "docker rmi localhost/bb-base:latest",
                "docker rmi localhost/busybox-base:1",
                "docker image inspect --format {{.Id}} bb-base:1",
                "docker tag sha256:users bb-base:1",
                "docker rmi " + BASE_ID), log());
        assertEquals(before, store(), "the daemon's tags were not put back");
        assertOutputs(true);
        assertNoWorkFolderLeft();
    }

    @Test
    void dockerWithoutADaemonFailsAtOnceWithDockersMessage() throws Exception {
        env.put("FAKE_FAIL", "version");
        env.put("FAKE_STATUS", "1");
        env.put("FAKE_MESSAGE", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock."
                + " Is the docker daemon running?");
        Cli r = rebuild("docker");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("jlint: docker failed reaching the docker daemon (exit status 1): Cannot connect"
                + " to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n"
                + "  command: docker version --format {{.Server.Version}}\n"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        assertEquals(List.of("docker version --format {{.Server.Version}}",
                "docker rmi --force jlint-rebuild/original:run-N jlint-rebuild/fixed:run-N"), log());
        assertOutputs(false);
        assertNoWorkFolderLeft();
    }

    @Test
    void aFailingDockerBuildStillPutsTheTagsBack() throws Exception {
        Files.writeString(fake.resolve("images"), "bb-base:1 sha256:users\n");
        List<String> before = store();
        env.put("FAKE_FAIL", "build");
        env.put("FAKE_STATUS", "1");
        env.put("FAKE_MESSAGE", "The command '/bin/sh -c mkdir -p /opt/app' returned a non-zero code: 1");
        Cli r = rebuild("docker");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("jlint: docker failed building the original Dockerfile (exit status 1): The"
                + " command '/bin/sh -c mkdir -p /opt/app' returned a non-zero code: 1\n  command: docker build -f "
                + context + "/Dockerfile -t jlint-rebuild/original:run-"), r.err());
        List<String> log = log();
        assertEquals("docker rmi --force jlint-rebuild/original:run-N jlint-rebuild/fixed:run-N",
                log.get(log.indexOf("docker build -f " + context + "/Dockerfile -t jlint-rebuild/original:run-N "
                        + context) + 1));
        assertEquals(before, store(), "the daemon's tags were not put back");
        assertOutputs(false);
        assertNoWorkFolderLeft();
    }

    @Test
    void aFailingPodmanBuildIsReportedWithItsStatusAndCleanedUp() throws Exception {
        env.put("FAKE_FAIL", "build");
        env.put("FAKE_STATUS", "125");
        env.put("FAKE_MESSAGE", "Error: building at STEP \"RUN mkdir -p /opt/app\": exit status 1");
        Cli r = rebuild("podman");
        assertEquals(2, r.status(), r.toString());
        String p = "podman --root WORK/root --runroot WORK/runroot --storage-driver vfs --tmpdir WORK/tmp"
                + " --events-backend none";
        assertTrue(r.err().contains("jlint: podman failed building the original Dockerfile (exit status 125): Error:"
                + " building at STEP \"RUN mkdir -p /opt/app\": exit status 1\n  command: podman --root "), r.err());
        assertTrue(r.err().contains("some progress before the error"), "the engine's output was not passed on");
        List<String> log = log();
        assertEquals(List.of(p + " rm --all --force", p + " rmi --all --force"), log.subList(log.size() - 2,
                log.size()));
        assertEquals(5, log.size(), log.toString());
        assertOutputs(false);
        assertNoWorkFolderLeft();
    }

    @Test
    void anEngineThatIsNotOnPathIsBadInput() throws Exception {
        env.put("PATH", "/nonexistent");
        Cli r = rebuild("podman");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("the engine is not on PATH"), r.err());
        assertFalse(Files.exists(fake.resolve("log")));
    }
}
