package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.cli.Main;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's own parser tests: every case's dump byte-identical, the negative cases rejected. */
class BuildkitConformanceTest {

    static Stream<Path> positive() throws IOException {
        return cases("buildkit-parser-testfiles");
    }

    static Stream<Path> negative() throws IOException {
        return cases("buildkit-parser-testfiles-negative");
    }

    private static Stream<Path> cases(String dir) throws IOException {
        List<Path> list;
        try (Stream<Path> s = Files.list(Shared.dir().resolve(dir))) {
            list = s.filter(Files::isDirectory).sorted().toList();
        }
        return list.stream();
    }

    @Test
    void allCasesPresent() throws IOException {
        assertEquals(33, positive().count());
        assertEquals(4, negative().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void dumpMatchesResult(Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile"));
        String expected = Files.readString(dir.resolve("result"), StandardCharsets.UTF_8);
        Dockerfile df = DockerfileParser.parseSyntax(dir.getFileName().toString(), bytes);
        assertEquals(expected, BuildkitFormat.format(df));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void parseCommandPrintsResult(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"parse", dir.resolve("Dockerfile").toString(), "--format", "buildkit"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(Files.readString(dir.resolve("result"), StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void negativeCaseIsAnError(Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile"));
        InputException e = assertThrows(InputException.class,
                () -> DockerfileParser.parseSyntax("Dockerfile", bytes));
        assertTrue(e.line() > 0, e.getMessage());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"parse", dir.resolve("Dockerfile").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.startsWith("jlint: ") && msg.contains("Dockerfile:") && !msg.contains("\tat "), msg);
    }

    /** BuildKit's line-number test: each instruction's start and end line. */
    @Test
    void lineNumbers() throws IOException {
        Dockerfile df = DockerfileParser.parseFile(Shared.dir().resolve("buildkit-parser-line.Dockerfile"), "line");
        List<Instruction> in = df.instructions();
        assertEquals(3, in.size());
        int[][] expected = {{5, 5}, {11, 12}, {17, 31}};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i][0], in.get(i).span().startLine(), "start of " + i);
            assertEquals(expected[i][1], in.get(i).span().endLine(), "end of " + i);
        }
    }
}
