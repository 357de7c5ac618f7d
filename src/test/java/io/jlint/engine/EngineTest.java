package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine over synthetic rules whose subject is a plain String (no parser needed). */
class EngineTest {

    static Span line(int line, int col) {
        return new Span(line, col, line, col + 3, 0, 3);
    }

    /** Reports at line N for every line "N" in the subject (comma-separated). */
    @RuleInfo(id = "T001", name = "test-lines", category = Category.CORRECTNESS, severity = Severity.WARNING,
            summary = "test", equivalents = {"hadolint:DL9999"})
    static final class Lines implements Rule<String> {
        @Override
        public Class<String> subjectType() {
            return String.class;
        }

        @Override
        public void check(String subject, RuleContext context, FindingSink out) {
            for (String s : subject.split(",")) {
                out.report(line(Integer.parseInt(s.trim()), 5), "line " + s.trim());
            }
        }
    }

    @RuleInfo(id = "T002", name = "test-first", category = Category.ROOT_USER, severity = Severity.STYLE,
            summary = "test")
    static final class First implements Rule<String> {
        @Override
        public Class<String> subjectType() {
            return String.class;
        }

        @Override
        public void check(String subject, RuleContext context, FindingSink out) {
            out.report(line(1, 1), "first, target " + context.config().target());
            out.reportImage(2, "/etc/shadow", "image finding");
            out.reportImage(null, null, "config finding");
        }
    }

    @RuleInfo(id = "T003", name = "test-throws", category = Category.CORRECTNESS, severity = Severity.ERROR,
            summary = "test")
    static final class Throws implements Rule<String> {
        @Override
        public Class<String> subjectType() {
            return String.class;
        }

        @Override
        public void check(String subject, RuleContext context, FindingSink out) {
            if (subject.contains("boom")) {
                throw new IllegalStateException("kaputt");
            }
            if (subject.contains("empty")) {
                out.report(line(1, 1), " ");
            }
        }
    }

    @RuleInfo(id = "T004", name = "test-integers", category = Category.CORRECTNESS, severity = Severity.ERROR,
            summary = "test")
    static final class Integers implements Rule<Integer> {
        @Override
        public Class<Integer> subjectType() {
            return Integer.class;
        }

        @Override
        public void check(Integer subject, RuleContext context, FindingSink out) {
            out.reportImage(subject, null, "integer");
        }
    }

    private final RuleCatalogue catalogue = new RuleCatalogue(List.of(new Throws(), new Lines(), new First(),
            new Integers()));
    private final Engine engine = new Engine(catalogue);

    private static Config config(Set<String> ignored, Map<String, Severity> severities) {
        Config d = Config.defaults();
        return new Config(ignored, severities, d.failOn(), "build", d.trustedRegistries(), d.requiredLabels(),
                d.image());
    }

    @Test
    void runsRulesForTheSubjectTypeSorted() {
        List<Finding> fs = engine.check("3, 1", "x", config(Set.of(), Map.of()));
        assertEquals(List.of("T002 1:1 first, target build", "T001 1:5 line 1", "T001 3:5 line 3",
                "T002 config config finding", "T002 layer 2: /etc/shadow image finding"), fs.stream().map(f -> f.rule() + " "
                + (f.location() instanceof Location.Source s ? s.span().startLine() + ":" + s.span().startColumn()
                : ((Location.InImage) f.location()).layer() == null ? "config"
                : "layer " + ((Location.InImage) f.location()).layer() + ": " + ((Location.InImage) f.location()).file())
                + " " + f.message()).toList());
        assertEquals(Category.ROOT_USER, fs.get(0).category());
        assertEquals(Severity.STYLE, fs.get(0).severity());
        assertEquals(List.of("T004"), engine.check(7, "x", Config.defaults()).stream().map(Finding::rule).toList());
    }

    @Test
    void ignoresAndOverridesByIdOrNameInAnyCase() {
        List<Finding> fs = engine.check("2", "x", config(Set.of("test-first"), Map.of("t001", Severity.ERROR)));
        assertEquals(1, fs.size());
        assertEquals("T001", fs.get(0).rule());
        assertEquals(Severity.ERROR, fs.get(0).severity());
    }

    @Test
    void aRuleThatThrowsIsAnInternalErrorNamingRuleAndFile() {
        RuleFailure e = assertThrows(RuleFailure.class, () -> new Engine(new RuleCatalogue(List.of(new Throws())))
                .check("boom", "Dockerfile", Config.defaults()));
        assertEquals("T003", e.rule());
        assertEquals("Dockerfile", e.path());
        assertTrue(e.getMessage().contains("rule T003 failed on Dockerfile"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void aMalformedReportIsTheRulesBug() {
        RuleFailure e = assertThrows(RuleFailure.class, () -> new Engine(new RuleCatalogue(List.of(new Throws())))
                .check("empty", "Dockerfile", Config.defaults()));
        assertEquals("T003", e.rule());
    }

    @Test
    void catalogueLooksUpByIdNameAndEquivalent() {
        assertSame(catalogue.find("T001"), catalogue.find("TEST-LINES"));
        assertEquals("T001", catalogue.equivalents("hadolint", "dl9999").get(0).info().id());
        assertEquals(List.of("T001", "T002", "T003", "T004"), catalogue.infos().stream().map(RuleInfo::id).toList());
        InputException e = assertThrows(InputException.class, () -> catalogue.resolve(List.of("T001", "X", "Y"),
                "--ignore"));
        assertEquals("unknown rule ids in --ignore: X, Y (see 'jlint rules')", e.getMessage());
        assertThrows(IllegalStateException.class, () -> new RuleCatalogue(List.of(new Lines(), new Lines())));
    }

    @Test
    void standardCatalogueDiscoversRules() {
        assertTrue(RuleCatalogue.standard().find("JL901") != null, "JL901 is registered through @AutoService");
    }
}
