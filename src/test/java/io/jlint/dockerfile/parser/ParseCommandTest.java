package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jlint.cli.Main;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Heredoc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jlint parse}: standard input, the JSON layout the README documents, strict mode. */
class ParseCommandTest {

    private static String[] run(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setIn(saved);
        }
    }

    @TempDir
    Path tmp;

    @Test
    void severalFilesAndDirectoriesEachUnderItsNameAndBadOnesReportedWhileTheRestIsPrinted() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.Dockerfile"), "FROM a\nRUN x\n");
        Path dir = Files.createDirectories(tmp.resolve("sub"));
        Path b = Files.writeString(dir.resolve("Dockerfile"), "FROM b\n");
        Path bad = Files.writeString(tmp.resolve("bad.Dockerfile"), "FROM c\nRUN <<EOF\nnever closed\n");

        String[] one = run("", "parse", a.toString());
        assertEquals("0", one[0], one[2]);
        assertEquals("(from \"a\")\n(run \"x\")\n", one[1], "one file: the dump alone, as before");

        String[] two = run("", "parse", a.toString(), dir.toString());
        assertEquals("0", two[0], two[2]);
        assertEquals("==> " + a + " <==\n(from \"a\")\n(run \"x\")\n\n==> " + b + " <==\n(from \"b\")\n", two[1]);

        String[] json = run("", "parse", "--format", "json", a.toString(), bad.toString(), b.toString());
        assertEquals("2", json[0], "a file that fails to parse: exit 2");
        assertTrue(json[2].startsWith("jlint: " + bad + ":"), json[2]);
        assertEquals(1, json[2].lines().count(), json[2]);
        JsonNode arr = new ObjectMapper().readTree(json[1]);
        assertEquals(2, arr.size(), "the good files are still printed");
        assertEquals(a.toString(), arr.get(0).get("file").asText());
        assertEquals("a", arr.get(0).get("model").get("instructions").get(0).get("image").asText());
        assertEquals(b.toString(), arr.get(1).get("file").asText());

        String[] onlyBad = run("", "parse", "--format", "json", bad.toString(), tmp.resolve("missing").toString());
        assertEquals("2", onlyBad[0]);
        assertEquals(0, new ObjectMapper().readTree(onlyBad[1]).size());
        assertEquals(2, onlyBad[2].lines().count(), onlyBad[2]);

        // a single directory is "several": it may hold any number of files
        String[] d = run("", "parse", dir.toString());
        assertEquals("0", d[0], d[2]);
        assertTrue(d[1].startsWith("==> " + b + " <==\n"), d[1]);
    }

    @Test
    void standardInputBuildkitFormat() {
        String[] r = run("from a\nONBUILD run echo hi\n", "parse", "-");
        assertEquals("0", r[0], r[2]);
        assertEquals("(from \"a\")\n(onbuild (run \"echo hi\"))\n", r[1]);
    }

    @Test
    void strictAppliesBuildChecks() {
        String[] lenient = run("CMD [\"x\"]\n", "parse", "-");
        assertEquals("0", lenient[0]);
        String[] strict = run("CMD [\"x\"]\n", "parse", "--strict", "-");
        assertEquals("2", strict[0]);
        assertTrue(strict[2].startsWith("jlint: -:1:1: "), strict[2]);
    }

    @Test
    void jsonLayout() throws Exception {
        String text = "# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine AS build\n# note\n"
                + "RUN --mount=type=cache,target=/c apk add curl && \\\n    rm -rf /c\nCOPY <<EOF /x\nhi\nEOF\n"
                + "ENV A=1 B=\"2 3\"\nONBUILD RUN echo\n";
        String[] r = run(text, "parse", "--format", "json", "-");
        assertEquals("0", r[0], r[2]);
        JsonNode root = new ObjectMapper().readTree(r[1]);
        assertEquals("-", root.get("path").asText());
        assertEquals("\\", root.get("escape").asText());
        assertEquals("syntax", root.get("directives").get(0).get("name").asText());
        assertEquals(" note", root.get("comments").get(0).get("text").asText());
        assertEquals(0, root.get("globalArgs").get(0).asInt());
        JsonNode stage = root.get("stages").get(0);
        assertEquals("build", stage.get("name").asText());
        assertEquals(1, stage.get("from").asInt());
        assertEquals(4, stage.get("instructions").size());
        JsonNode run = root.get("instructions").get(2);
        assertEquals("RUN", run.get("kind").asText());
        assertEquals(5, run.get("span").get("startLine").asInt());
        assertEquals(6, run.get("span").get("endLine").asInt());
        assertEquals("mount", run.get("flags").get(0).get("name").asText());
        assertEquals("cache", run.get("mounts").get(0).get("type").asText());
        assertEquals("/c", run.get("mounts").get(0).get("options").get("target").asText());
        JsonNode cmd = run.get("command");
        assertFalse(cmd.get("execForm").asBoolean());
        assertEquals("apk add curl &&     rm -rf /c", cmd.get("shellText").asText());
        JsonNode words = cmd.get("scripts").get(0).get("commands").get(0).get("words");
        assertEquals("apk", words.get(0).get("value").asText());
        assertEquals(5, words.get(0).get("span").get("startLine").asInt());
        assertEquals(34, words.get(0).get("span").get("startColumn").asInt());
        JsonNode copy = root.get("instructions").get(3);
        assertEquals("EOF", copy.get("sources").get(0).asText());
        assertEquals("hi\n", copy.get("heredocs").get(0).get("body").asText());
        JsonNode env = root.get("instructions").get(4);
        assertEquals("2 3", env.get("pairs").get(1).get("value").asText());
        assertEquals("\"2 3\"", env.get("pairs").get(1).get("rawValue").asText());
        JsonNode onbuild = root.get("instructions").get(5);
        assertEquals("RUN", onbuild.get("trigger").get("kind").asText());
    }

    @Test
    void heredocQuotingFollowsBuildKit() {
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nRUN cat <<E\\\"OF\nx\nE\"OF\nRUN cat <<\"X\" <<'Y' <<Z\n"
                + "X\nY\nZ\nRUN cat <<\"\"\nbody\n\n");
        Heredoc escapedQuote = df.instructions().get(1).node().heredocs().get(0);
        assertEquals("E\"OF", escapedQuote.name());
        assertFalse(escapedQuote.quoted(), "an escaped quote is not quoting");
        var three = df.instructions().get(2).node().heredocs();
        assertTrue(three.get(0).quoted());
        assertTrue(three.get(1).quoted());
        assertFalse(three.get(2).quoted());
        assertEquals("", three.get(0).body());
        Heredoc empty = df.instructions().get(3).node().heredocs().get(0);
        assertEquals("", empty.name());
        assertEquals("body\n", empty.body(), "an empty delimiter ends at the first empty line");
    }
}
