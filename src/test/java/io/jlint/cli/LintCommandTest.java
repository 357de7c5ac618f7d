package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jlint lint} end to end through {@link Main#run}: exit statuses, options, config, suppressions, inputs. */
class LintCommandTest {

    static final String BAD = "FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\nUSER nobody\nCMD [\"true\"]\n";
    static final String GOOD = "FROM alpine:3.20\nUSER nobody\nCMD [\"true\"]\n";
    static final String FINDING = "Dockerfile:2:1: warning [JL901] MAINTAINER is deprecated; write "
            + "LABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\" instead\n";

    @TempDir
    Path tmp;

    private String file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toString();
    }

    @Test
    void findingsFailWithOneLineEach() throws IOException {
        String df = file("Dockerfile", BAD);
        Cli r = Cli.run(df);
        assertEquals(1, r.status(), r.toString());
        assertEquals(tmp + "/" + FINDING, r.out());
        assertEquals("jlint: 1 finding (1 warning) in 1 file\n", r.err());
        Cli same = Cli.run("lint", df);
        assertEquals(r, same, "lint is the default command");
    }

    @Test
    void cleanFileIsSilent() throws IOException {
        Cli r = Cli.run(file("Dockerfile", GOOD));
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void failOnThreshold() throws IOException {
        String df = file("Dockerfile", BAD);
        assertEquals(0, Cli.run("--fail-on", "error", df).status());
        assertEquals(1, Cli.run("--fail-on", "warning", df).status());
        assertEquals(1, Cli.run("--fail-on", "STYLE", df).status());
        assertEquals(0, Cli.run("--fail-on", "none", df).status());
        Cli bad = Cli.run("--fail-on", "loud", df);
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--fail-on: unknown level 'loud'"), bad.err());
    }

    @Test
    void severityOverrides() throws IOException {
        String df = file("Dockerfile", BAD);
        Cli style = Cli.run("--severity", "JL901=style", df);
        assertEquals(0, style.status(), "style is below the default threshold: " + style);
        assertTrue(style.out().contains(": style [JL901]"), style.out());
        assertEquals(1, Cli.run("--severity", "maintainer-deprecated=error", "--fail-on", "error", df).status());
        Cli bad = Cli.run("--severity", "JL901", df);
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--severity expects ID=LEVEL"), bad.err());
        Cli unknown = Cli.run("--severity", "JL0=error", df);
        assertEquals(2, unknown.status());
        assertEquals("jlint: unknown rule id in --severity: JL0 (see 'jlint rules')\n", unknown.err());
    }

    @Test
    void ignoreByIdOrName() throws IOException {
        String df = file("Dockerfile", BAD);
        assertEquals(0, Cli.run("--ignore", "JL901", df).status());
        assertEquals(0, Cli.run("--ignore", "Maintainer-Deprecated", df).status());
        Cli r = Cli.run("--ignore", "JL901", "--ignore", "nope", "--ignore", "DL4000", df);
        assertEquals(2, r.status());
        assertEquals("jlint: unknown rule ids in --ignore: nope, DL4000 (see 'jlint rules')\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void configFileIsFoundUpwardsAndCommandLineWins() throws IOException {
        String df = file("app/sub/Dockerfile", BAD);
        file(".jlint.yaml", "failOn: error\n");
        assertEquals(0, Cli.run(df).status(), "failOn: error from the parent folder");
        assertEquals(1, Cli.run("--fail-on", "warning", df).status(), "--fail-on wins");
        file("app/.jlint.yml", "ignore: [JL901]\n");
        Cli r = Cli.run(df);
        assertEquals(0, r.status());
        assertEquals("", r.out(), "the nearest config wins and ignores JL901");
        String other = file("other.yaml", "severity: {JL901: error}\n");
        Cli explicit = Cli.run("-c", other, df);
        assertEquals(1, explicit.status());
        assertTrue(explicit.out().contains(": error [JL901]"), explicit.out());
    }

    @Test
    void badConfigIsExit2WithPosition() throws IOException {
        String df = file("Dockerfile", BAD);
        String cfg = file(".jlint.yaml", "failOn: error\nignore: [JL901, JL0]\n");
        Cli r = Cli.run(df, file("Dockerfile.x", GOOD));
        assertEquals(2, r.status());
        assertEquals("jlint: " + cfg + ":2:17: unknown rule id 'JL0' (see 'jlint rules')\n", r.err(),
                "named once, not once per file");
        Cli missing = Cli.run("-c", tmp.resolve("none.yaml").toString(), df);
        assertEquals(2, missing.status());
        assertTrue(missing.err().endsWith("none.yaml: config file not found\n"), missing.err());
    }

    @Test
    void suppressionComments() throws IOException {
        assertEquals(0, Cli.run(file("a/Dockerfile",
                "FROM alpine:3.20\n# jlint ignore=JL901\nMAINTAINER x\nUSER nobody\n")).status());
        assertEquals(0, Cli.run(file("b/Dockerfile",
                "FROM alpine:3.20\n# why: legacy\n# jlint ignore=other, maintainer-deprecated\n# more words\n"
                        + "MAINTAINER x\nUSER nobody\n")).status(), "any comment line of the block above, by name");
        assertEquals(0, Cli.run(file("c/Dockerfile", "FROM alpine:3.20\n# hadolint ignore=DL3008,DL4000\n"
                + "MAINTAINER x\nUSER nobody\n")).status());
        assertEquals(0, Cli.run(file("d/Dockerfile", "FROM alpine:3.20\nMAINTAINER x\n# jlint global ignore=JL901\n"
                + "MAINTAINER y\nUSER nobody\n")).status());
        assertEquals(0, Cli.run(file("e/Dockerfile", "# hadolint global ignore=DL4000\nFROM alpine:3.20\n"
                + "MAINTAINER x\nUSER nobody\n")).status());
        assertEquals(0, Cli.run(file("f/Dockerfile", "# check=skip=MaintainerDeprecated\nFROM alpine:3.20\n"
                + "MAINTAINER x\nUSER nobody\n")).status(), "BuildKit's check directive");
        Cli gap = Cli.run(file("g/Dockerfile", "FROM alpine:3.20\n# jlint ignore=JL901\n\nMAINTAINER x\n"));
        assertEquals(1, gap.status(), "a blank line ends the comment block: " + gap);
        Cli next = Cli.run(file("h/Dockerfile", "FROM alpine:3.20\n# jlint ignore=JL901\nMAINTAINER x\n"
                + "MAINTAINER y\n"));
        assertEquals(1, next.status());
        assertTrue(next.out().contains("Dockerfile:4:1:"), "only the instruction below is covered: " + next);
        assertEquals(1, Cli.run(file("i/Dockerfile", "FROM alpine:3.20\n# hadolint ignore=JL901\nMAINTAINER x\n"))
                .status(), "hadolint pragmas name hadolint ids only");
    }

    @Test
    void severalInputsGoOnAfterABadOne() throws IOException {
        String good = file("ok/Dockerfile", BAD);
        Cli r = Cli.run("-f", "json", tmp.resolve("missing").toString(), good,
                file("broken/Dockerfile", "FROM alpine\nRUN <<EOF\necho never closed\n"));
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains(tmp.resolve("missing") + ": no such file or directory"), r.err());
        JsonNode json = new JsonMapper().readTree(r.out());
        assertEquals(good, json.at("/results/0/path").asText(), "the good file is still reported");
        assertEquals("JL901", json.at("/results/0/findings/0/rule").asText());
    }

    @Test
    void directoriesAreExpandedSorted() throws IOException {
        file("Dockerfile", GOOD);
        file("svc/api.Dockerfile", BAD);
        file("svc/Dockerfile.dev", GOOD);
        file("node_modules/x/Dockerfile", BAD);
        file("docs/README.md", BAD);
        Cli r = Cli.run("-f", "json", tmp.toString());
        assertEquals(1, r.status(), r.toString());
        JsonNode results = new JsonMapper().readTree(r.out()).get("results");
        List<String> paths = new ArrayList<>();
        results.forEach(n -> paths.add(n.get("path").asText()));
        assertEquals(List.of(tmp + "/Dockerfile", tmp + "/svc/Dockerfile.dev", tmp + "/svc/api.Dockerfile"), paths);
        Cli empty = Cli.run(Files.createDirectories(tmp.resolve("empty")).toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("empty: no Dockerfile below this directory"), empty.err());
    }

    @Test
    void standardInput() {
        Cli r = Cli.runWithStdin(BAD, "-");
        assertEquals(1, r.status(), r.toString());
        assertEquals("-" + FINDING.substring("Dockerfile".length()), r.out());
        Cli named = Cli.runWithStdin(BAD, "--stdin-filename", "Dockerfile", "-");
        assertEquals(FINDING, named.out());
    }

    @Test
    void imageArchivesAreRecognisedByContent() throws IOException {
        Path tar = tmp.resolve("Dockerfile");
        Files.write(tar, InputsTest.tarHeader());
        Cli r = Cli.run(tar.toString());
        assertEquals(2, r.status());
        // routed to the image reader (not parsed as a Dockerfile), which refuses a lone tar header
        assertTrue(r.err().contains(tar + ": not an image archive"), r.err());
    }

    @Test
    void outputFileIsWrittenAndNeverOverAnInput() throws IOException {
        String df = file("Dockerfile", BAD);
        Path out = tmp.resolve("report.sarif");
        Cli r = Cli.run("-f", "sarif", "-o", out.toString(), df);
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(Files.readString(out).contains("\"ruleId\": \"JL901\""));
        Cli tty = Cli.run("-o", tmp.resolve("report.txt").toString(), df);
        assertEquals(tmp + "/" + FINDING, Files.readString(tmp.resolve("report.txt")), "no colour in files");
        Cli over = Cli.run("-o", df, df);
        assertEquals(2, over.status());
        assertTrue(over.err().contains("-o names an input file"), over.err());
        assertEquals(BAD, Files.readString(Path.of(df)));
    }

    @Test
    void targetMustNameAStage() throws IOException {
        String df = file("Dockerfile", "FROM alpine:3.20 AS build\nRUN true\nUSER nobody\nFROM scratch AS runtime\n"
                + "COPY --from=build /bin/true /true\n");
        assertEquals(0, Cli.run("--target", "build", df).status());
        assertEquals(0, Cli.run("--target", "1", df).status(), "a stage index");
        Cli r = Cli.run("--target", "tests", df);
        assertEquals(2, r.status());
        assertEquals("jlint: " + df + ": no build stage named 'tests' (--target)\n", r.err());
    }

    @Test
    void colourOnlyOnATerminalAndNotWithNoColor() throws IOException {
        String df = file("Dockerfile", BAD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8);
        Main.run(new String[] {df}, InputStream.nullInputStream(), ps, err, true);
        boolean noColorEnv = System.getenv("NO_COLOR") != null && !System.getenv("NO_COLOR").isEmpty();
        assertEquals(!noColorEnv, out.toString(StandardCharsets.UTF_8).contains("\u001b["),
                out.toString(StandardCharsets.UTF_8));
        out.reset();
        Main.run(new String[] {"--no-color", df}, InputStream.nullInputStream(), ps, err, true);
        assertEquals(tmp + "/" + FINDING, out.toString(StandardCharsets.UTF_8));
        assertFalse(Cli.run(df).out().contains("\u001b"), "not a terminal: no colour");
    }

    @Test
    void unknownFormatIsAUsageError() throws IOException {
        Cli r = Cli.run("-f", "yaml", file("Dockerfile", GOOD));
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("jlint: unknown format 'yaml' (known: tty, json, sarif"), r.err());
    }

    @Test
    void everyFormatRendersARealRun() throws IOException {
        String df = file("Dockerfile", BAD);
        for (String f : List.of("tty", "json", "sarif", "checkstyle", "gitlab", "junit", "markdown")) {
            Cli r = Cli.run("-f", f, df);
            assertEquals(1, r.status(), f + ": " + r);
            assertTrue(r.out().contains("JL901"), f + ": " + r.out());
        }
    }

    @Test
    void rulesOfOtherJarsRunOnlyWithServiceDiscovery() throws Exception {
        Path services = tmp.resolve("cp/META-INF/services/io.jlint.engine.Rule");
        Files.createDirectories(services.getParent());
        Files.writeString(services, ThrowingTestRule.class.getName() + "\n");
        String boom = file("boom/Dockerfile", "FROM alpine:3.20\n# BOOM\nUSER nobody\n");
        // the build-time index: jlint's own rules only, the class path is not scanned
        Cli indexed = Cli.jvm(List.of(tmp.resolve("cp")), List.of(), "--format", "json", boom);
        assertEquals(0, indexed.status(), indexed.toString());
        Cli listed = Cli.jvm(List.of(tmp.resolve("cp")), List.of("-Djlint.rules=services"), "rules");
        assertTrue(listed.out().contains("JL999"), listed.out());
        assertTrue(listed.out().contains("JL101"), listed.out());
    }

    @Test
    void aFailingRuleIsAnInternalErrorNamingRuleAndFile() throws Exception {
        Path services = tmp.resolve("cp/META-INF/services/io.jlint.engine.Rule");
        Files.createDirectories(services.getParent());
        Files.writeString(services, ThrowingTestRule.class.getName() + "\n");
        String boom = file("boom/Dockerfile", "FROM alpine:3.20\n# BOOM\nUSER nobody\n");
        String bad = file("bad/Dockerfile", BAD);
        Cli r = Cli.jvm(List.of(tmp.resolve("cp")), List.of("-Djlint.rules=services"), "--format", "json", boom, bad);
        assertEquals(3, r.status(), r.toString());
        assertTrue(r.err().contains("jlint: internal error (a bug in jlint; please report it with the input): "
                + "rule JL999 failed on " + boom), r.err());
        assertTrue(r.err().contains("the test rule failed on purpose"), r.err());
        assertTrue(r.out().contains("\"JL901\""), "the other file is still linted: " + r.out());
    }

    @Test
    void ttyOutputLoadsNoJsonLibrary() throws Exception {
        String df = file("Dockerfile", BAD);
        // JL101 with its refused reorder (no build context), and a project configuration (YAML, read by Jackson's
        // streaming parser only)
        String reorder = file("app/Dockerfile", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\n"
                + "CMD [\"node\", \"server.js\"]\n");
        Cli r = Cli.jvm(List.of(), List.of("-Xlog:class+load=info"), df, reorder);
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("[JL101]"), r.out());
        List<String> jackson = r.out().lines().filter(l -> l.contains("com.fasterxml.jackson")).limit(3).toList();
        assertTrue(jackson.isEmpty(), "tty output must not load Jackson (start-up time): " + jackson);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("io.jlint.report.TtyReporter")), "the log works");
        // the fast path (FastLint) loads no picocli class either: Main's code names none (PicocliRun does)
        List<String> picocli = r.out().lines().filter(l -> l.contains(" picocli.")).limit(3).toList();
        assertTrue(picocli.isEmpty(), "a plain lint run must not load picocli: " + picocli);
        // rule infos come from the generated index, never from annotations (each would build a proxy class)
        List<String> proxies = r.out().lines().filter(l -> l.contains("__dynamic_proxy__")).limit(3).toList();
        assertTrue(proxies.isEmpty(), "no annotation proxy: " + proxies);
        assertFalse(r.out().lines().anyMatch(l -> l.contains("io.jlint.report.JsonReporter ")), "lazy formats");
    }
}
