package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jlint.image.ImageVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jlint squash} and {@code jlint rebuild} from the command line: reports, options, refusals, exit codes. */
class RewriteCommandsTest {

    @TempDir
    Path tmp;

    static String image(String rel) {
        return Path.of(System.getProperty("jlint.shared", "../shared")).resolve("testimages").resolve(rel).toString();
    }

    private static final String WASTED = image("buildah/docker-archive/bb-wasted.tar");

    private String out(String name) {
        return tmp.resolve(name).toString();
    }

    private static void noTempLeft(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(),
                    "no temporary file or spool left in " + dir);
        }
    }

    @Test
    void squashReportsInJson() throws Exception {
        Cli r = Cli.run("squash", WASTED, "-o", out("s.tar"), "--report", "json", "--tag", "app:squashed");
        assertEquals(0, r.status(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("jlint", j.path("tool").path("name").asText());
        assertEquals("squash", j.path("operation").asText());
        assertEquals(3, j.path("input").path("layers").asInt());
        assertEquals(1, j.path("output").path("layers").asInt());
        assertEquals("app:squashed", j.path("output").path("tags").get(0).asText());
        assertEquals(2097152, j.path("input").path("wastedBytes").asLong());
        assertEquals(0, j.path("output").path("wastedBytes").asLong());
        JsonNode l = j.path("layers").get(0);
        assertEquals("merged", l.path("action").asText());
        assertEquals("[0,1,2]", l.path("from").toString());
        assertTrue(l.path("bytesSaved").asLong() > 2_000_000, l.toString());
        assertEquals(j.path("input").path("size").asLong() - j.path("output").path("size").asLong(),
                j.path("savedBytes").asLong());
        ImageVerifier.verify(Path.of(WASTED), null, Path.of(out("s.tar")), java.util.Set.of());
        noTempLeft(tmp);
    }

    @Test
    void rebuildPrintsATable() throws IOException {
        Cli r = Cli.run("rebuild", WASTED, "-o", out("r.tar"));
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("rewritten"), r.out());
        assertTrue(r.out().contains("layers removed"), r.out());
        assertTrue(r.out().contains("layers 3 -> 2"), r.out());
        ImageVerifier.verify(Path.of(WASTED), null, Path.of(out("r.tar")), java.util.Set.of());
        noTempLeft(tmp);
    }

    @Test
    void rebuildListsTheCachesItStrips() throws Exception {
        Cli r = Cli.run("rebuild", image("dockle/alpine-310.tar.gz"), "-o", out("r.tar"), "--strip-caches",
                "--report", "json");
        assertEquals(0, r.status(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.path("caches").isArray());
    }

    @Test
    void squashLastAndFromSelectTheLayers() throws Exception {
        String in = image("dive/test-docker-image.tar");
        Cli last = Cli.run("squash", in, "-o", out("l.tar"), "--last", "4", "--report", "json");
        assertEquals(0, last.status(), last.toString());
        assertEquals(11, new ObjectMapper().readTree(last.out()).path("output").path("layers").asInt());
        JsonNode img = new ObjectMapper().readTree(Cli.run("image", in, "--format", "json").out());
        String diffId = img.path("results").get(0).path("image").path("layers").get(10).path("diffId").asText();
        Cli from = Cli.run("squash", in, "-o", out("f.tar"), "--from", diffId.substring(7, 23), "--report", "json");
        assertEquals(0, from.status(), from.toString());
        assertArrayEquals(Files.readAllBytes(Path.of(out("l.tar"))), Files.readAllBytes(Path.of(out("f.tar"))),
                "--last 4 and --from <diff_id of layer 10> are the same squash");
        ImageVerifier.verify(Path.of(in), null, Path.of(out("l.tar")), java.util.Set.of());
    }

    @Test
    void usageErrorsExitTwo() {
        Cli both = Cli.run("squash", WASTED, "-o", out("x.tar"), "--last", "1", "--from", "0");
        assertEquals(2, both.status(), both.toString());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        for (String[] args : new String[][] {
            {"squash", WASTED, "-o", out("x.tar"), "--last", "0"},
            {"squash", WASTED, "-o", out("x.tar"), "--last", "4"},
            {"squash", WASTED, "-o", out("x.tar"), "--from", "3"},
            {"squash", WASTED, "-o", out("x.tar"), "--from", "sha256:deadbeefdeadbeef"},
            {"squash", WASTED, "-o", out("x.tar"), "--format", "zip"},
            {"squash", WASTED, "-o", out("x.tar"), "--compression", "xz"},
            {"squash", WASTED, "-o", out("x.tar"), "--report", "html"},
            {"squash", WASTED, "-o", out("x.tar"), "--tag", "Bad Name"},
            {"squash", WASTED, "-o", out("x.tar"), "--tag", "a@sha256:00"},
            {"squash", WASTED, "-o", tmp.resolve("missing/x.tar").toString()},
            {"squash", WASTED},
            {"rebuild", "-o", out("x.tar")},
            {"squash", image("ggcr/v1_tarball__test_bundle.tar"), "-o", out("x.tar")},
            {"squash", image("jib/test__symlinks.tar"), "-o", out("x.tar")},
        }) {
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r);
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(Files.exists(tmp.resolve("x.tar")), "nothing written");
        }
    }

    @Test
    void aMultiImageArchiveNeedsImage() {
        Cli r = Cli.run("squash", image("ggcr/v1_tarball__test_bundle.tar"), "-o", out("x.tar"));
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--image"), r.err());
        Cli ok = Cli.run("squash", image("ggcr/v1_tarball__test_bundle.tar"), "-o", out("x.tar"), "--image", "1");
        assertEquals(0, ok.status(), ok.toString());
        ImageVerifier.verify(Path.of(image("ggcr/v1_tarball__test_bundle.tar")), "1", Path.of(out("x.tar")),
                java.util.Set.of());
    }

    @Test
    void theInputIsNeverTheOutput() throws IOException {
        Path copy = tmp.resolve("in.tar");
        Files.copy(Path.of(WASTED), copy);
        byte[] before = Files.readAllBytes(copy);
        Path link = tmp.resolve("link.tar");
        Files.createSymbolicLink(link, copy);
        Path hard = tmp.resolve("hard.tar");
        Files.createLink(hard, copy);
        for (Path o : new Path[] {copy, link, hard}) {
            for (String cmd : new String[] {"squash", "rebuild"}) {
                Cli r = Cli.run(cmd, copy.toString(), "-o", o.toString());
                assertEquals(2, r.status(), cmd + " -o " + o + ": " + r);
                assertTrue(r.err().contains("is the input"), r.err());
            }
        }
        assertArrayEquals(before, Files.readAllBytes(copy));
        noTempLeft(tmp);
    }

    @Test
    void nothingIsWrittenIntoAnInputLayout() throws IOException {
        Path layout = tmp.resolve("layout");
        assertEquals(0, Cli.run("squash", WASTED, "-o", layout.toString(), "--format", "oci").status());
        Cli r = Cli.run("rebuild", layout.toString(), "-o", layout.resolve("inside.tar").toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("inside the input"), r.err());
        Cli again = Cli.run("squash", WASTED, "-o", layout.toString(), "--format", "oci");
        assertEquals(2, again.status(), "an OCI layout is only written into a new or empty directory");
        Cli dir = Cli.run("squash", WASTED, "-o", tmp.toString());
        assertEquals(2, dir.status(), "an archive is not written over a directory");
    }

    @Test
    void anExistingOutputFileIsReplaced() throws IOException {
        Path o = tmp.resolve("o.tar");
        Files.writeString(o, "old");
        assertEquals(0, Cli.run("rebuild", WASTED, "-o", o.toString()).status());
        assertTrue(Files.size(o) > 1000);
        noTempLeft(tmp);
    }

    @Test
    void badInputIsReportedWithoutWritingAnything() throws IOException {
        Path broken = tmp.resolve("broken.tar");
        byte[] b = Files.readAllBytes(Path.of(WASTED));
        b[b.length / 2] ^= 0x55;          // inside a layer blob: digest mismatch
        Files.write(broken, b);
        Cli r = Cli.run("squash", broken.toString(), "-o", out("x.tar"));
        assertEquals(2, r.status(), r.toString());
        assertFalse(Files.exists(tmp.resolve("x.tar")));
        noTempLeft(tmp);
    }

    @Test
    void helpShowsTheOptions() {
        Cli s = Cli.run("squash", "--help");
        assertEquals(0, s.status());
        for (String o : new String[] {"--last", "--from", "--tag", "--format", "--report", "--output"}) {
            assertTrue(s.out().contains(o), o);
        }
        Cli r = Cli.run("rebuild", "--help");
        assertTrue(r.out().contains("--strip-caches"));
    }
}
