package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The applier's safety net and rounds, with test rules whose fixes are wrong on purpose. */
class FixApplierTest {

    /** Reports every LABEL and "fixes" it by deleting it: the build loses an instruction. */
    @RuleInfo(id = "JL990", name = "test-deletes", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "deletes LABELs", fixable = true)
    static final class Deletes implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
            for (Instruction in : df.instructions()) {
                if (in instanceof Instruction.Label) {
                    out.report(in.span(), "a label", new Fix("delete it", List.of(Edits.deleteInstruction(df, in))));
                }
            }
        }
    }

    /** Reports every EXPOSE and "fixes" it into text that does not parse. */
    @RuleInfo(id = "JL991", name = "test-breaks", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "breaks EXPOSE", fixable = true)
    static final class Breaks implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
            for (Instruction in : df.instructions()) {
                if (in instanceof Instruction.Expose) {
                    out.report(in.span(), "an expose", new Fix("break it", List.of(Edits.replace(in.span(),
                            "EXPOSE 80\nRUN <<EOF\nno end"))));
                }
            }
        }
    }

    /** Upper-cases a lower-case {@code user} keyword: a fine fix. */
    @RuleInfo(id = "JL992", name = "test-upper", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "upper-cases user", fixable = true)
    static final class Upper implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
            for (Instruction in : df.instructions()) {
                if (in.node().keyword().equals("user")) {
                    int at = in.span().startOffset();
                    out.report(in.span(), "lower-case user", new Fix("write USER",
                            List.of(new Edit(at, at + 4, "USER"))));
                }
            }
        }
    }

    /** Adds a RUN the build did not have: a new command. */
    @RuleInfo(id = "JL993", name = "test-adds-run", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "adds a RUN before USER", fixable = true)
    static final class AddsRun implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
            for (Instruction in : df.instructions()) {
                if (in instanceof Instruction.User && !df.source().contains("RUN touch")) {
                    out.report(in.span(), "no touch", new Fix("add a RUN",
                            List.of(Edits.insert(in.span().startOffset(), "RUN touch /x\n"))));
                }
            }
        }
    }

    /** Offers the merge of every two consecutive RUNs, the same fix as JL201's: a duplicate on purpose. */
    @RuleInfo(id = "JL994", name = "test-merges", category = Category.CORRECTNESS, severity = Severity.INFO,
            summary = "merges consecutive RUNs", fixable = true)
    static final class MergesToo implements Rule<Dockerfile> {
        @Override
        public Class<Dockerfile> subjectType() {
            return Dockerfile.class;
        }

        @Override
        public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
            List<Instruction> all = df.instructions();
            for (int i = 1; i < all.size(); i++) {
                if (all.get(i - 1) instanceof Instruction.Run p && all.get(i) instanceof Instruction.Run r) {
                    FixAttempt a = RunMerger.merge(df, List.of(p, r), "merge");
                    out.report(r.span(), a.message("two RUNs"), a.fix());
                }
            }
        }
    }

    private static FixApplier applier(Rule<?>... rules) {
        return new FixApplier(new Engine(new RuleCatalogue(List.of(rules))));
    }

    @Test
    void aFixThatLosesAnInstructionIsRefusedAndTheOthersGoAhead() {
        String src = "FROM alpine\nLABEL a=b\nuser nobody\n";
        FixApplier.Result r = applier(new Deletes(), new Upper()).fix("Dockerfile", src, Config.defaults(), null);
        assertEquals("FROM alpine\nLABEL a=b\nUSER nobody\n", r.fixed());
        assertEquals(1, r.applied().size());
        assertEquals(1, r.unfixed().size());
        FixApplier.Unfixed u = r.unfixed().get(0);
        assertEquals("JL990", u.rule());
        assertEquals(2, u.line());
        assertTrue(u.reason().contains("`LABEL a=b` was"), u.reason());
    }

    @Test
    void aFixThatBreaksParsingIsRefused() {
        FixApplier.Result r = applier(new Breaks()).fix("Dockerfile", "FROM alpine\nEXPOSE 80\n", Config.defaults(),
                null);
        assertEquals("FROM alpine\nEXPOSE 80\n", r.fixed());
        assertTrue(r.unfixed().get(0).reason().startsWith("the result would not parse"), r.unfixed().toString());
    }

    @Test
    void aFixThatAddsACommandIsRefused() {
        FixApplier.Result r = applier(new AddsRun()).fix("Dockerfile", "FROM alpine\nUSER nobody\n", Config.defaults(),
                null);
        assertEquals("FROM alpine\nUSER nobody\n", r.fixed());
        assertTrue(r.unfixed().get(0).reason().contains("the RUN commands changed"), r.unfixed().toString());
    }

    @Test
    void onlyLimitsTheRulesAndResultsAreIdempotent() {
        String src = "FROM alpine\nLABEL a=b\nuser nobody\n";
        FixApplier a = applier(new Deletes(), new Upper());
        assertEquals(src, a.fix("Dockerfile", src, Config.defaults(), Set.of("JL990")).fixed());
        String once = a.fix("Dockerfile", src, Config.defaults(), null).fixed();
        assertEquals(once, a.fix("Dockerfile", once, Config.defaults(), null).fixed());
    }

    @Test
    void overlappingFixesAreAppliedInLaterRoundsWithOriginalLines() {
        // JL201 merges the three RUNs (two fixes, one round); JL301 then appends the cleanup to the merged RUN
        String src = "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends"
                + " curl\nUSER nobody\n";
        FixApplier.Result r = new FixApplier(Engine.standard()).fix("Dockerfile", src, Config.defaults(), null);
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y"
                + " --no-install-recommends curl && \\\n    rm -rf /var/lib/apt/lists/*\nUSER nobody\n", r.fixed());
        assertTrue(r.rounds() >= 2, "rounds: " + r.rounds());
        assertEquals(List.of("JL201:3", "JL301:2"), r.applied().stream().map(x -> x.rule() + ":" + x.line()).toList());
    }

    @Test
    void twoFindingsOfferingTheSameMergeGiveOneCleanMerge() {
        // JL201 and the test rule both offer the merge of the same pair: the edits overlap, so one of them goes in
        // the first round and the other is rebuilt (and no longer offered) on the merged text
        String src = "FROM alpine:3.20\nRUN addgroup -S app\nRUN adduser -S -G app app\nUSER app\n";
        FixApplier.Result r = applier(new io.jlint.rules.dockerfile.Jl201ConsecutiveRuns(),
                new MergesToo()).fix("Dockerfile", src, Config.defaults(), null);
        assertEquals("FROM alpine:3.20\nRUN addgroup -S app && \\\n    adduser -S -G app app\nUSER app\n", r.fixed());
        assertEquals(1, r.applied().size(), r.applied().toString());
        assertTrue(r.unfixed().isEmpty(), r.unfixed().toString());
    }

    @Test
    void anUpdateAloneReportedByJl201AndJl203EndsAsOneMerge() {
        // JL201 reports the update-alone pair (line 3) and the short pair (line 4); JL203 reports the update at
        // line 2, whose install does not directly follow (no fix of its own): JL201's merges make one RUN, after
        // which JL203 has nothing left to report
        String src = "FROM debian:bookworm-slim\nRUN apt-get update\nRUN mkdir -p /opt/app\n"
                + "RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n";
        Engine engine = Engine.standard();
        List<String> before = engine.lint(io.jlint.dockerfile.parser.DockerfileParser.parse("Dockerfile", src),
                Config.defaults()).stream().map(f -> f.rule() + ":" + f.location()).filter(x -> x.startsWith("JL20"))
                .toList();
        assertEquals(3, before.size(), before.toString());
        FixApplier.Result r = new FixApplier(engine).fix("Dockerfile", src, Config.defaults(), null);
        String merged = "FROM debian:bookworm-slim\nRUN apt-get update && \\\n    mkdir -p /opt/app && \\\n"
                + "    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n";
        assertEquals(merged, r.fixed());
        assertEquals(List.of("JL201:3", "JL201:4"), r.applied().stream().map(x -> x.rule() + ":" + x.line())
                .toList());
        assertTrue(r.unfixed().isEmpty(), r.unfixed().toString());
        assertEquals(merged, new FixApplier(engine).fix("Dockerfile", merged, Config.defaults(), null).fixed());
    }

    @Test
    void withJl201SwitchedOffJl203MergesTheUpdateIntoTheInstall() {
        String src = "FROM debian:bookworm-slim\nRUN apt-get update\n"
                + "RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n";
        Config config = new Config(Set.of("consecutive-runs"), java.util.Map.of(), Config.defaults().failOn(), null,
                List.of(), List.of(), Config.ImageThresholds.defaults());
        FixApplier.Result r = new FixApplier(Engine.standard()).fix("Dockerfile", src, config, null);
        assertEquals("FROM debian:bookworm-slim\nRUN apt-get update && \\\n    apt-get install -y"
                + " --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n", r.fixed());
        assertEquals(List.of("JL203:2"), r.applied().stream().map(x -> x.rule() + ":" + x.line()).toList());
    }
}
