package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code jlint fix} over every file of the shared corpus of real Dockerfiles ({@code ../shared/corpus/files}): the
 * result of every file that parses must parse again, build the same ({@link ModelCheck}: no lost or changed
 * instruction, the same RUN commands in the same order, modulo merges and added cleanup), have no rule reporting
 * more findings than before, and fixing it again must change nothing. Prints the figures (files changed, fixes
 * applied per rule, findings left unfixed, refusals).
 */
class CorpusFixTest {

    @Test
    void fixingTheCorpusKeepsEveryBuildAndIsIdempotent() throws IOException {
        Path dir = Path.of(System.getProperty("jlint.shared", "../shared")).resolve("corpus").resolve("files");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() > 600, "corpus files: " + files.size());
        Engine engine = Engine.standard();
        FixApplier fixer = new FixApplier(engine);
        Config config = Config.defaults();
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        int changed = 0;
        int applied = 0;
        int refusedByNet = 0;
        int fixlessLeft = 0;
        Map<String, Integer> perRule = new TreeMap<>();
        Map<String, Integer> refusalsPerRule = new TreeMap<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            Dockerfile df;
            try {
                df = DockerfileParser.parse(name, Files.readAllBytes(p));
            } catch (InputException e) {
                continue; // templates and parser fixtures that do not parse
            }
            parsed++;
            FixApplier.Result r;
            try {
                r = fixer.fix(name, df.source(), config, null);
            } catch (RuntimeException e) {
                problems.add(name + ": fix failed: " + e);
                continue;
            }
            if (!r.changed()) {
                if (!r.applied().isEmpty()) {
                    problems.add(name + ": fixes applied but the text is unchanged");
                }
            } else {
                changed++;
                Dockerfile after;
                try {
                    after = DockerfileParser.parse(name, r.fixed());
                } catch (InputException e) {
                    problems.add(name + ": the fixed file does not parse: " + e.getMessage());
                    continue;
                }
                List<String> diffs = ModelCheck.differences(df, after);
                if (!diffs.isEmpty()) {
                    problems.add(name + ": the fixed file builds differently: " + diffs);
                }
                Map<String, Integer> before = counts(engine.lint(df, config));
                counts(engine.lint(after, config)).forEach((rule, n) -> {
                    if (n > before.getOrDefault(rule, 0)) {
                        problems.add(name + ": " + rule + " has " + n + " findings after fixing, "
                                + before.getOrDefault(rule, 0) + " before");
                    }
                });
                String again = fixer.fix(name, r.fixed(), config, null).fixed();
                if (!again.equals(r.fixed())) {
                    problems.add(name + ": fixing the fixed file changes it again:\n"
                            + UnifiedDiff.diff("fixed", "fixed twice", r.fixed(), again));
                }
            }
            applied += r.applied().size();
            for (FixApplier.Applied a : r.applied()) {
                perRule.merge(a.rule(), 1, Integer::sum);
            }
            for (FixApplier.Unfixed u : r.unfixed()) {
                if (u.reason() != null) {
                    refusedByNet++;
                    refusalsPerRule.merge(u.rule(), 1, Integer::sum);
                    System.out.println("refused " + name + ":" + u.line() + " " + u.rule() + ": " + u.reason());
                } else {
                    fixlessLeft++;
                }
            }
        }
        System.out.println("corpus fix: " + parsed + " files parsed, " + changed + " changed, " + applied
                + " fixes applied " + perRule + ", " + fixlessLeft + " findings of fixable rules left without a fix, "
                + refusedByNet + " fixes refused by the safety net " + refusalsPerRule);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + String.join("\n", problems.subList(0,
                    Math.min(40, problems.size()))));
        }
    }

    private static Map<String, Integer> counts(List<Finding> findings) {
        Map<String, Integer> out = new HashMap<>();
        for (Finding f : findings) {
            out.merge(f.rule(), 1, Integer::sum);
        }
        return out;
    }
}
