package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The hand-written lint parser agrees with picocli wherever it answers, and declines the rest. */
class FastLintTest {

    @TempDir
    static Path tmp;

    static String bad;
    static String good;
    static String dir;
    static String config;

    @BeforeAll
    static void files() throws IOException {
        bad = write("bad/Dockerfile", LintCommandTest.BAD);
        good = write("good/Dockerfile", LintCommandTest.GOOD);
        write("dir/a/Dockerfile", LintCommandTest.BAD);
        write("dir/b.Dockerfile", LintCommandTest.GOOD);
        dir = tmp.resolve("dir").toString();
        config = write("cfg/.jlint.yaml", "ignore: [JL901]\n");
    }

    private static String write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toString();
    }

    /** Argument lists as Main.run receives them; "accept": the fast path must handle it (not decline). */
    static Stream<Arguments> commandLines() {
        return Stream.of(
                // accepted
                c(true, "Dockerfile"),
                c(true, "lint", "Dockerfile"),
                c(true, "a", "b", "c"),
                c(true, "-f", "json", "Dockerfile"),
                c(true, "--format", "sarif", "Dockerfile"),
                c(true, "--format=json", "Dockerfile"),
                c(true, "Dockerfile", "-f", "json"),
                c(true, "-o", "out.json", "-f", "json", "x"),
                c(true, "--output=out.txt", "x"),
                c(true, "--fail-on", "error", "x"),
                c(true, "--fail-on=none", "x"),
                c(true, "-c", "cfg.yaml", "x"),
                c(true, "--config=cfg.yaml", "x"),
                c(true, "--ignore", "JL901", "--ignore", "JL102", "--ignore=JL103", "x"),
                c(true, "--severity", "JL901=error", "--severity=JL102=style", "x"),
                c(true, "--severity", "JL901", "x"),
                c(true, "--no-color", "x"),
                c(true, "--target", "build", "x"),
                c(true, "--target=0", "x"),
                c(true, "--stdin-filename", "Dockerfile.dev", "-"),
                c(true, "-"),
                c(true, "--", "-x", "-"),
                c(true, "x", "--", "--format"),
                c(true, "lint", "--", "lint"),
                c(true, "dir/", "a b", "--format", "a b"),
                c(true, "x", "-f", "no-such-format"),
                c(true, "lint", "rules"),
                // declined: help, version, other commands, errors picocli must report
                c(false, "lint"),
                c(false, "--format", "json"),
                c(false, "-h"),
                c(false, "lint", "--help"),
                c(false, "x", "-V"),
                c(false, "--version"),
                c(false, "rules"),
                c(false, "parse", "x"),
                c(false, "image", "x.tar"),
                c(false, "x", "--bogus"),
                c(false, "x", "-fjson"),
                c(false, "x", "-f=json"),
                c(false, "x", "-f"),
                c(false, "x", "--format="),
                c(false, "x", "-o", "-f", "json"),
                c(false, "x", "-f", "json", "--format", "sarif"),
                c(false, "x", "--no-color", "--no-color"),
                c(false, "x", "--no-color=true"),
                c(false, "x", "--target", "a", "--target=b"),
                c(false, "@args.txt"),
                c(false, "x", "-c", "@cfg"),
                c(false, "x", "--FORMAT", "json"),
                c(false, "--", "a", "--", "b"),
                c(false, "x", ""),
                c(false, "x", "--ignore"));
    }

    private static Arguments c(boolean accept, String... args) {
        return Arguments.of(accept, args);
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void fastPathDeclinesOrAgreesWithPicocli(boolean accept, String[] args) {
        LintOptions fast = FastLint.parse(args);
        LintOptions picocli = picocli(args);
        if (!accept) {
            assertNull(fast, "the fast path must leave this to picocli");
            return;
        }
        assertNotNull(fast, "the fast path declined a plain lint command line");
        assertNotNull(picocli, "picocli rejects what the fast path accepted");
        assertEquals(picocli, fast);
    }

    /** The options picocli parses, or null when it rejects the command line or it is not a plain lint run. */
    private static LintOptions picocli(String[] args) {
        List<String> withLint = new ArrayList<>(List.of(args));
        if (args.length == 0 || !Main.isCommand(args[0])) {
            withLint.add(0, "lint");
        }
        CommandLine cl = new CommandLine(new Main());
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(withLint.toArray(String[]::new));
            if (!parsed.hasSubcommand() || !(parsed.subcommand().commandSpec().userObject() instanceof LintCommand lc)
                    || parsed.subcommand().isUsageHelpRequested() || parsed.subcommand().isVersionHelpRequested()) {
                return null;
            }
            return lc.options;
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }

    /** Real runs: identical output, messages and status with and without the fast path. */
    static Stream<Arguments> runs() {
        return Stream.of(
                r(() -> new String[] {bad}),
                r(() -> new String[] {"lint", good}),
                r(() -> new String[] {bad, good, "--fail-on", "error"}),
                r(() -> new String[] {"-f", "json", bad}),
                r(() -> new String[] {"--format=sarif", bad}),
                r(() -> new String[] {"--format", "checkstyle", dir}),
                r(() -> new String[] {"-f", "markdown", "--no-color", dir}),
                r(() -> new String[] {"--ignore", "JL901", bad}),
                r(() -> new String[] {"--ignore", "no-such-rule", bad}),
                r(() -> new String[] {"--severity", "JL901=error", "--fail-on=warning", bad}),
                r(() -> new String[] {"--severity", "JL901=loud", bad}),
                r(() -> new String[] {"--fail-on", "panic", bad}),
                r(() -> new String[] {"-f", "yaml", bad}),
                r(() -> new String[] {"-c", config, bad}),
                r(() -> new String[] {"--target", "nope", bad}),
                r(() -> new String[] {"--stdin-filename", "Dockerfile.in", "-"}),
                r(() -> new String[] {"-", "--", tmp.resolve("missing").toString()}),
                r(() -> new String[] {tmp.resolve("missing").toString()}));
    }

    interface ArgsSupplier {
        String[] get();
    }

    private static Arguments r(ArgsSupplier args) {
        return Arguments.of(args);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void sameRunEitherWay(ArgsSupplier supplier) {
        String[] args = supplier.get();
        assertNotNull(FastLint.parse(args), "meant to exercise the fast path");
        Cli fast = run(args, false);
        Cli slow = run(args, true);
        assertEquals(slow, fast);
    }

    private static Cli run(String[] args, boolean picocli) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = new ByteArrayInputStream(LintCommandTest.BAD.getBytes(StandardCharsets.UTF_8));
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = picocli ? Main.viaPicocli(args, in, o, e, false) : Main.run(args, in, o, e, false);
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outputFileIsTheSameEitherWay() throws IOException {
        Path a = tmp.resolve("fast.json");
        Path b = tmp.resolve("slow.json");
        Cli fast = run(new String[] {"-f", "json", "-o", a.toString(), bad}, false);
        Cli slow = run(new String[] {"-f", "json", "-o", b.toString(), bad}, true);
        assertEquals(slow, fast);
        assertEquals(Files.readString(b), Files.readString(a));
    }
}
