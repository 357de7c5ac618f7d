package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.parser.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppression comments, with two synthetic rules that report every instruction (at its first and last line). */
class SuppressionsTest {

    @RuleInfo(id = "JL801", name = "every-first-line", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "test", equivalents = {"hadolint:DL3008", "buildkit:StageNameCasing"})
    static final class First implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext context, FindingSink out) {
            for (Instruction in : df.instructions()) {
                out.report(in.span(), in.kind().name());
            }
        }
    }

    @RuleInfo(id = "JL802", name = "every-last-line", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "test", equivalents = {"hadolint:DL3008"})
    static final class Last implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext context, FindingSink out) {
            for (Instruction in : df.instructions()) {
                int line = in.span().endLine();
                out.report(new Span(line, 1, line, 2, 0, 1), in.kind().name());
            }
        }
    }

    private static final Engine ENGINE = new Engine(new RuleCatalogue(List.of(new First(), new Last())));

    /** "RULE@line" for every finding. */
    private static List<String> lint(String text) {
        return ENGINE.lint(DockerfileParser.parse("Dockerfile", text), Config.defaults()).stream()
                .map(f -> f.rule() + "@" + ((Location.Source) f.location()).span().startLine()).toList();
    }

    @Test
    void inlineCoversTheWholeInstructionBelow() {
        assertEquals(List.of("JL801@1", "JL802@1", "JL801@5", "JL802@5"), lint("""
                FROM alpine
                # jlint ignore=JL801, every-last-line
                RUN apk add \\
                    curl
                RUN true
                """), "both findings of the RUN (first and continuation line) are suppressed, by id and name");
    }

    @Test
    void theWholeCommentBlockAboveCountsButNotAcrossABlankLine() {
        assertEquals(List.of("JL801@1", "JL802@1", "JL802@5", "JL801@8", "JL802@8"), lint("""
                FROM alpine
                # jlint ignore=jl801
                # explains why
                # more
                RUN true
                # jlint ignore=JL801,JL802

                RUN true
                """));
    }

    @Test
    void globalAnywhere() {
        assertEquals(List.of("JL802@1", "JL802@2", "JL802@4"), lint("""
                FROM alpine
                RUN true
                # jlint global ignore=JL801
                RUN true
                """));
    }

    @Test
    void hadolintIdsMapThroughEquivalents() {
        assertEquals(List.of("JL801@1", "JL802@1", "JL801@4", "JL802@4"), lint("""
                FROM alpine
                # hadolint ignore=DL3003,DL3008
                RUN true
                RUN true
                """), "DL3008 is the equivalent of both rules");
        assertEquals(List.of(), lint("""
                # hadolint global ignore=DL3008
                FROM alpine
                RUN true
                """));
        assertEquals(List.of("JL801@1", "JL802@1", "JL801@3", "JL802@3"), lint("""
                FROM alpine
                # hadolint ignore=JL801
                RUN true
                """), "a hadolint pragma names hadolint ids only");
    }

    @Test
    void buildkitCheckDirective() {
        assertEquals(List.of("JL802@2", "JL802@3"), lint("""
                # check=skip=StageNameCasing;error=true
                FROM alpine
                RUN true
                """));
        assertEquals(List.of("JL802@2"), lint("""
                # check=skip=all
                FROM alpine
                """), "all: every rule with a BuildKit equivalent");
    }

    @Test
    void unknownIdsAndMalformedPragmasAreHarmless() {
        assertEquals(List.of("JL801@1", "JL802@1", "JL802@3"), lint("""
                FROM alpine
                # jlint ignore=JL000,JL801 because the base image needs it
                RUN true
                """));
        assertEquals(List.of("JL801@1", "JL802@1", "JL801@3", "JL802@3"), lint("""
                FROM alpine
                # jlint ignore JL801
                RUN true
                """));
    }
}
