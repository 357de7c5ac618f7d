package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared corpus: real-world Dockerfiles parse; templates and files marked invalid either parse
 * or fail with a positioned InputException, never anything else.
 */
class CorpusTest {

    /** Files without an "invalid" note that BuildKit rejects too, and why. */
    private static final Map<String, String> REJECTED_BY_BUILDKIT = Map.of(
            "docker__compose__pkg__e2e__fixtures__wrong-composefile__service1__Dockerfile",
            "compose's intentionally broken fixture: unknown instruction WRONG");

    @Test
    void everyCorpusFile() throws IOException {
        Path dir = Shared.dir().resolve("corpus");
        Map<String, String> notes = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("SOURCES.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 6 && !f[0].equals("file")) {
                notes.put(f[0], f[5]);
            }
        }
        List<Path> files;
        try (var s = Files.list(dir.resolve("files"))) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() > 600, "corpus files: " + files.size());
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (Path p : files) {
            String name = p.getFileName().toString();
            String note = notes.getOrDefault(name, "");
            boolean mayFail = note.contains("template-not-valid-dockerfile") || note.contains("invalid-dockerfile")
                    || note.contains("may be intentionally unusual/invalid") || REJECTED_BY_BUILDKIT.containsKey(name);
            try {
                Dockerfile df = DockerfileParser.parse(name, Files.readAllBytes(p));
                String broken = Invariants.check(df);
                if (broken != null) {
                    failures.add(name + ": " + broken);
                }
                parsed++;
                if (REJECTED_BY_BUILDKIT.containsKey(name)) {
                    failures.add(name + ": parsed, but BuildKit rejects it (" + REJECTED_BY_BUILDKIT.get(name) + ")");
                }
            } catch (InputException e) {
                if (!mayFail || e.line() <= 0) {
                    failures.add(e.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(name + ": " + e);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + files.size() + " corpus files failed:\n" + String.join("\n", failures));
        }
        assertTrue(parsed > 600);
    }
}
