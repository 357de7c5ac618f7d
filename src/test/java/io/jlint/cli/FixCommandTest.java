package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jlint fix}: outputs, exit statuses, atomic writes, refusing to write over the input. */
class FixCommandTest {

    private static final String BEFORE = "FROM alpine:3.20\nMAINTAINER ops@example.com\nUSER nobody\n"
            + "CMD node server.js\n";
    private static final String AFTER = "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"ops@example.com\"\n"
            + "USER nobody\nCMD [\"node\", \"server.js\"]\n";

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path p = dir.resolve("Dockerfile");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void printsTheFixedFileAndExitsOneWhenSomethingChanged() throws Exception {
        Path p = file(BEFORE);
        Cli r = Cli.run("fix", p.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(AFTER, r.out());
        assertTrue(r.err().contains(":2: fixed [JL901]") && r.err().contains(":4: fixed [JL501]"), r.err());
        assertEquals(BEFORE, Files.readString(p), "the input was written to");
    }

    @Test
    void exitsZeroAndPrintsTheFileUnchangedWhenThereIsNothingToFix() throws Exception {
        Path p = file(AFTER);
        Cli r = Cli.run("fix", p.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(AFTER, r.out());
        Cli d = Cli.run("fix", "--diff", p.toString());
        assertEquals(0, d.status());
        assertEquals("", d.out());
    }

    @Test
    void diffIsAUnifiedDiffOfTheChanges() throws Exception {
        Path p = file(BEFORE);
        Cli r = Cli.run("fix", "--diff", p.toString());
        assertEquals(1, r.status(), r.err());
        String name = p.toString().replaceFirst("^/+", "");
        assertEquals("--- a/" + name + "\n+++ b/" + name + "\n@@ -1,4 +1,4 @@\n FROM alpine:3.20\n"
                + "-MAINTAINER ops@example.com\n+LABEL org.opencontainers.image.authors=\"ops@example.com\"\n"
                + " USER nobody\n-CMD node server.js\n+CMD [\"node\", \"server.js\"]\n", r.out());
    }

    @Test
    void inPlaceRewritesAtomicallyKeepingPermissionsAndIsIdempotent() throws Exception {
        Path p = file(BEFORE);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-r--"));
        Cli r = Cli.run("fix", "--in-place", p.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(AFTER, Files.readString(p));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "a temporary file was left behind");
        }
        Cli again = Cli.run("fix", "-i", p.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(AFTER, Files.readString(p));
    }

    @Test
    void outputFileIsWrittenAndNeverTheInput() throws Exception {
        Path p = file(BEFORE);
        Path out = dir.resolve("Dockerfile.fixed");
        Cli r = Cli.run("fix", p.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(AFTER, Files.readString(out));
        Cli same = Cli.run("fix", p.toString(), "-o", dir.resolve(".").resolve("Dockerfile").toString());
        assertEquals(2, same.status());
        assertTrue(same.err().contains("-o names the input file"), same.err());
        assertEquals(BEFORE, Files.readString(p));
    }

    @Test
    void onlyAppliesTheNamedRules() throws Exception {
        Path p = file(BEFORE);
        Cli r = Cli.run("fix", "--only", "maintainer-deprecated", p.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(AFTER.replace("CMD [\"node\", \"server.js\"]", "CMD node server.js"), r.out());
        Cli bad = Cli.run("fix", "--only", "JL999", p.toString());
        assertEquals(2, bad.status());
    }

    @Test
    void keepsCrlfAndTheByteOrderMark() throws Exception {
        Path p = dir.resolve("Dockerfile");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = BEFORE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, in, 0, 3);
        System.arraycopy(body, 0, in, 3, body.length);
        Files.write(p, in);
        Cli r = Cli.run("fix", "-i", p.toString());
        assertEquals(1, r.status(), r.err());
        byte[] want = AFTER.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] got = Files.readAllBytes(p);
        byte[] expected = new byte[3 + want.length];
        System.arraycopy(bom, 0, expected, 0, 3);
        System.arraycopy(want, 0, expected, 3, want.length);
        assertArrayEquals(expected, got);
    }

    @Test
    void badInputAndUsageExitTwo() throws Exception {
        assertEquals(2, Cli.run("fix", dir.resolve("missing").toString()).status());
        Path p = file("FROM alpine\nRUN <<EOF\nunterminated\n");
        Cli r = Cli.run("fix", p.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(2, Cli.run("fix", "--diff", "--in-place", file(BEFORE).toString()).status());
        assertEquals(2, Cli.run("fix", "-i", "-").status());
    }

    @Test
    void readsStandardInput() {
        Cli r = Cli.runWithStdin(BEFORE, "fix", "-");
        assertEquals(1, r.status(), r.err());
        assertEquals(AFTER, r.out());
    }

    @Test
    void theDependencyReorderSaysItNeedsTheContextAndMakesItWithIt() throws Exception {
        String before = "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nCMD [\"node\", \"s.js\"]\n";
        Path p = file(before);
        Cli r = Cli.run("fix", "--only", "JL101", p.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(before, r.out());
        assertTrue(r.err().contains(":3: not fixed [JL101]") && r.err().contains("(jlint fix leaves this alone: moving"
                + " the install needs the build context (jlint fix --context DIR) to prove that it reads nothing but"
                + " the manifests copied first)"), r.err());
        assertTrue(r.err().contains("only with --context DIR"), r.err());

        Path lint = Files.createDirectories(dir.resolve("out"));
        Cli json = Cli.run("lint", "-f", "json", "-o", lint.resolve("r.json").toString(), p.toString());
        assertEquals(1, json.status(), json.err());
        assertTrue(Files.readString(lint.resolve("r.json")).contains("jlint fix leaves this alone: moving the install"
                + " needs the build context"), "the lint report carries the reason");

        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("package.json"), "{\"dependencies\": {\"express\": \"^4.19.2\"}}");
        Files.writeString(context.resolve("package-lock.json"), "{}");
        Cli fixed = Cli.run("fix", "--only", "JL101", "--context", context.toString(), p.toString());
        assertEquals(1, fixed.status(), fixed.err());
        assertEquals("FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
                + "COPY . .\nUSER node\nCMD [\"node\", \"s.js\"]\n", fixed.out());
        assertTrue(!fixed.err().contains("--context DIR"), fixed.err());
    }
}
