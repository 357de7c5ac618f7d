package io.jlint.rules;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.RuleCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every rule over test Dockerfiles the way {@code jlint lint} does, and checks {@code # expect:} markers.
 * {@code -Djlint.rule=JL123} narrows the catalogue and expectation tests to one rule's doc and testdata folder.
 */
public final class RuleTesting {
    private RuleTesting() {
    }

    public static final Path TESTDATA = Path.of("testdata", "dockerfile");

    /** The rule id given with {@code -Djlint.rule=…}, or null for all. */
    static String only() {
        String s = System.getProperty("jlint.rule");
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static Dockerfile parse(String displayPath, String text) {
        return DockerfileParser.parse(displayPath, text);
    }

    /** Every rule over a Dockerfile, with default configuration. */
    public static List<Finding> lint(Dockerfile df) {
        return lint(df, Config.defaults());
    }

    public static List<Finding> lint(Dockerfile df, Config config) {
        return Engine.standard().lint(df, config);
    }

    /**
     * The configuration for a test file: {@code .jlint.yaml} in the file's own folder if there is one (no lookup
     * further up, so a config elsewhere in the checkout cannot change the tests), else the defaults.
     */
    static Config configFor(Path file) {
        Path cfg = file.toAbsolutePath().getParent().resolve(".jlint.yaml");
        return Files.isRegularFile(cfg) ? new ConfigLoader(RuleCatalogue.standard(), cfg).load(cfg)
                : Config.defaults();
    }

    /** Lints one test file and compares with its markers; returns the problems (empty: as expected). */
    public static List<String> check(Path file) throws IOException {
        String display = file.toString().replace('\\', '/');
        Dockerfile df = DockerfileParser.parse(display, Files.readString(file));
        List<String> problems = new ArrayList<>();
        List<Expectations.Expected> expected = Expectations.parse(df, problems);
        Expectations.compare(df, expected, lint(df, configFor(file)), problems);
        return problems;
    }

    /**
     * Every {@code *.Dockerfile} under testdata/dockerfile, sorted, except the fix pairs ({@code fix-*}): those
     * are inputs and outputs of {@code jlint fix}, checked by {@code FixPairsTest}, and carry no markers.
     */
    static List<Path> testFiles() throws IOException {
        if (!Files.isDirectory(TESTDATA)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".Dockerfile")
                            && !p.getFileName().toString().startsWith("fix-"))
                    .sorted().toList();
        }
    }

    /** A fix pair: {@code fix-NAME.Dockerfile} and the {@code fix-NAME.expected.Dockerfile} it must become. */
    public record FixPair(String rule, Path input, Path expected) {
        @Override
        public String toString() {
            return input.toString().replace('\\', '/');
        }
    }

    public static final String EXPECTED_SUFFIX = ".expected.Dockerfile";

    /** Every fix pair under testdata/dockerfile (inputs without their expected file are left to CatalogueTest). */
    public static List<FixPair> fixPairs() throws IOException {
        if (!Files.isDirectory(TESTDATA)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().startsWith("fix-")
                            && p.getFileName().toString().endsWith(".Dockerfile")
                            && !p.getFileName().toString().endsWith(EXPECTED_SUFFIX))
                    .sorted()
                    .map(p -> new FixPair(p.getParent().getFileName().toString(), p, expectedOf(p)))
                    .filter(fp -> Files.isRegularFile(fp.expected()))
                    .toList();
        }
    }

    /** The build context of a fix pair: the folder {@code fix-NAME.context} next to it, or null. */
    public static Path contextOf(Path input) {
        String name = input.getFileName().toString();
        Path dir = input.resolveSibling(name.substring(0, name.length() - ".Dockerfile".length()) + ".context");
        return Files.isDirectory(dir) ? dir : null;
    }

    public static Path expectedOf(Path input) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.length() - ".Dockerfile".length()) + EXPECTED_SUFFIX);
    }
}
