package io.jlint.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Finding;
import io.jlint.engine.InputException;
import io.jlint.engine.Location;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.fix.Fix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The cache-busting and entrypoint-cmd rules over the shared corpus of real Dockerfiles, compared with the findings
 * that were read one by one and judged right ({@code corpus-rules-a.txt}: {@code file:line RULE}). A change in what
 * these rules say about real files shows up here as a diff to judge again, and no rule may throw on any file.
 */
class RulesACorpusTest {

    private static final List<Rule<Dockerfile>> RULES = List.of(new Jl101ContextCopiedBeforeDeps(),
            new Jl102PackagesAfterCopy(), new Jl103StableStepAfterCopy(), new Jl402Sudo(), new Jl501ShellFormCmd(),
            new Jl502NotQuiteJson(), new Jl503MultipleCmd(), new Jl504MultipleEntrypoint(),
            new Jl505ShellEntrypointDropsCmd(), new Jl506ShellCmdToExecEntrypoint(),
            new Jl507CommandLineInExecElement(), new Jl508ShellWrapperWithoutExec());

    @Test
    void findingsOnTheCorpusAreTheJudgedOnes() throws IOException {
        Path dir = Path.of(System.getProperty("jlint.shared", "../shared")).resolve("corpus").resolve("files");
        List<Path> files;
        try (var s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() > 600, "corpus files: " + files.size());
        Set<String> actual = new TreeSet<>();
        Rule<Dockerfile> jl401 = new Jl401RunsAsRoot();
        int rootFindings = 0;
        for (Path p : files) {
            String name = p.getFileName().toString();
            Dockerfile df;
            try {
                df = DockerfileParser.parse(name, Files.readAllBytes(p));
            } catch (InputException e) {
                continue; // templates and parser fixtures that do not parse
            }
            for (Rule<Dockerfile> r : RULES) {
                for (Finding f : run(r, df)) {
                    actual.add(name + ":" + line(f) + " " + f.rule());
                }
            }
            rootFindings += run(jl401, df).size();
        }
        Set<String> expected = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("corpus-rules-a.txt")) {
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    expected.add(l.trim());
                }
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        // JL401 finds most real files (official and base images rarely set USER); pin the order of magnitude
        assertTrue(rootFindings > 400 && rootFindings < 520, jl401.info().id() + " findings: " + rootFindings);
    }

    private static List<Finding> run(Rule<Dockerfile> rule, Dockerfile df) {
        List<Finding> out = new ArrayList<>();
        RuleContext ctx = Config::defaults;
        FindingSink sink = (Location location, String message, Fix fix) -> out.add(new Finding(rule.info().id(),
                rule.info().category(), rule.info().severity(), message, location, fix));
        rule.check(df, ctx, sink);
        return out;
    }

    private static int line(Finding f) {
        return f.location() instanceof Location.Source s ? s.span().startLine() : 0;
    }
}
