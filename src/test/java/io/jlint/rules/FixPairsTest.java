package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.fix.FixApplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fix pair {@code testdata/dockerfile/<ID>/fix-NAME.Dockerfile} → {@code fix-NAME.expected.Dockerfile}:
 * <ul>
 * <li>the input has a finding of the rule (with a fix, unless the pair shows a case left alone: input = expected);</li>
 * <li>{@code jlint fix --only ID} turns the input into the expected file, byte for byte, and the same with CRLF line
 *     endings (a CRLF file stays CRLF);</li>
 * <li>fixing the expected file changes nothing (idempotence), and it has no finding of the rule with a fix left;</li>
 * <li>a folder {@code fix-NAME.context/} next to the pair is the build context the fix may read
 *     ({@code jlint fix --context});</li>
 * <li>in a pair that shows a case left alone, each {@code # refused: TEXT} comment must appear in the finding's
 *     reason ("jlint fix leaves this alone: …TEXT…");</li>
 * <li>fixing the input with every rule's fixes and then fixing the result again changes nothing.</li>
 * </ul>
 */
class FixPairsTest {

    private static final FixApplier FIXER = new FixApplier(Engine.standard());
    private static final Pattern REFUSED = Pattern.compile("(?m)^\\s*#\\s*refused:(.*)$");

    @TestFactory
    Stream<DynamicTest> everyFixPairFixesAsExpected() throws IOException {
        String only = RuleTesting.only();
        List<RuleTesting.FixPair> pairs = RuleTesting.fixPairs().stream()
                .filter(p -> only == null || p.rule().equalsIgnoreCase(only)).toList();
        assertTrue(!pairs.isEmpty(), "no fix pairs under " + RuleTesting.TESTDATA.toAbsolutePath());
        return pairs.stream().map(p -> DynamicTest.dynamicTest(p.toString(), p.input().toUri(), () -> check(p)));
    }

    private static void check(RuleTesting.FixPair p) throws IOException {
        String input = Files.readString(p.input());
        String expected = Files.readString(p.expected());
        Config config = RuleTesting.configFor(p.input());
        Set<String> rule = Set.of(p.rule());
        String name = p.input().toString();
        Path context = RuleTesting.contextOf(p.input());

        List<Finding> before = Engine.standard().lint(DockerfileParser.parse(name, input), config, context);
        boolean leftAlone = input.equals(expected);
        assertTrue(before.stream().anyMatch(f -> f.rule().equals(p.rule()) && (leftAlone || f.fix() != null)),
                name + ": the input has no " + (leftAlone ? "" : "fixable ") + p.rule() + " finding: "
                        + before.stream().map(Expectations::describe).toList());

        if (leftAlone) {
            Matcher m = REFUSED.matcher(input);
            while (m.find()) {
                String reason = m.group(1).strip();
                assertTrue(before.stream().anyMatch(f -> f.rule().equals(p.rule())
                                && f.message().contains("jlint fix leaves this alone: ")
                                && f.message().substring(f.message().indexOf("jlint fix leaves this alone: "))
                                .contains(reason)),
                        name + ": no " + p.rule() + " finding gives the reason \"" + reason + "\": "
                                + before.stream().map(Expectations::describe).toList());
            }
        }

        FixApplier.Result r = FIXER.fix(name, input, config, rule, context);
        assertEquals(expected, r.fixed(), name + ": jlint fix --only " + p.rule() + " gives another result"
                + " (refused: " + r.unfixed() + ")");

        FixApplier.Result again = FIXER.fix(p.expected().toString(), expected, config, rule, context);
        assertEquals(expected, again.fixed(), p.expected() + ": fixing the fixed file changes it again");
        List<Finding> after = Engine.standard().lint(DockerfileParser.parse(p.expected().toString(), expected), config,
                context);
        assertTrue(after.stream().noneMatch(f -> f.rule().equals(p.rule()) && f.fix() != null),
                p.expected() + ": a fixable " + p.rule() + " finding is left: " + after.stream()
                        .filter(f -> f.rule().equals(p.rule())).map(Expectations::describe).toList());

        if (!input.contains("\r")) {
            String crlf = FIXER.fix(name, crlf(input), config, rule, context).fixed();
            assertEquals(crlf(expected), crlf, name + " with CRLF line endings");
        }

        String all = FIXER.fix(name, input, config, null, context).fixed();
        assertEquals(all, FIXER.fix(name, all, config, null, context).fixed(), name + ": fixing with every rule is not "
                + "idempotent");
    }

    /**
     * A rule that is not fixable ({@code fixable = false}: JL505–JL507, whose every rewrite changes what runs, and
     * the others) attaches no fix to any finding, over every bad and good file.
     */
    @Test
    void rulesThatAreNotFixableAttachNoFix() throws IOException {
        Engine engine = Engine.standard();
        java.util.Set<String> fixable = new java.util.HashSet<>();
        engine.catalogue().infos().stream().filter(io.jlint.engine.RuleInfo::fixable)
                .forEach(i -> fixable.add(i.id()));
        assertTrue(!fixable.contains("JL505") && !fixable.contains("JL506") && !fixable.contains("JL507"),
                "JL505-JL507 must not be fixable");
        List<String> problems = new java.util.ArrayList<>();
        int seen = 0;
        for (Path p : RuleTesting.testFiles()) {
            String text = Files.readString(p);
            Config config = RuleTesting.configFor(p);
            for (Finding f : engine.lint(DockerfileParser.parse(p.toString(), text), config, RuleTesting.contextOf(p))) {
                if (!fixable.contains(f.rule())) {
                    seen++;
                    if (f.fix() != null) {
                        problems.add(p + ": " + f.rule() + " is not fixable but its finding has a fix");
                    }
                }
            }
        }
        assertTrue(seen > 100, "findings of rules that are not fixable: " + seen);
        assertEquals(List.of(), problems);
    }

    private static String crlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
