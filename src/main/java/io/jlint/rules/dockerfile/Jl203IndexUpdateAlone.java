package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Location;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.engine.Suppressions;
import io.jlint.fix.FixAttempt;
import io.jlint.fix.RunMerger;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.List;
import java.util.Locale;

/**
 * A RUN that only refreshes a package index ({@code apt-get update}, {@code apk update}, {@code dnf makecache},
 * {@code zypper refresh}) while a later RUN installs from it: the index is cached with its own layer and goes stale,
 * and its files can no longer be removed where they were made. When the install RUN directly follows with the same
 * flags, JL201 reports the pair instead (unless JL201 is switched off or suppressed there: then this rule reports it,
 * so the stale index is never left unsaid). The fix merges the update RUN and a directly following install RUN
 * ({@link RunMerger}); with anything in between it is left alone.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL203", name = "index-update-alone", category = Category.UNMERGED_RUN, severity = Severity.WARNING,
        summary = "A RUN only refreshes the package index; the install that uses it is in a later RUN",
        fixable = true,
        equivalents = {"trivy:DS017"})
public final class Jl203IndexUpdateAlone implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheChain chain = CacheChain.of(df, ctx);
        for (int i = 0; i < chain.runs.size(); i++) {
            RunFacts p = chain.runs.get(i);
            if (!CacheChain.indexUpdateOnly(p)) {
                continue;
            }
            for (String family : CacheChain.indexFamilies(p)) {
                for (int j = i + 1; j < chain.runs.size(); j++) {
                    RunFacts r = chain.runs.get(j);
                    PackageManagers.Invocation inst = CacheChain.installOf(r, family);
                    if (inst == null) {
                        continue;
                    }
                    if (Jl201ConsecutiveRuns.mergeable(p, r) && !jl201Silenced(df, ctx, r.run())) {
                        break; // JL201 reports the pair at the install RUN
                    }
                    FixAttempt fix = directlyFollows(p, r)
                            ? RunMerger.merge(df, List.of(p.run(), r.run()), "merge this RUN into the installing RUN at"
                            + " line " + r.run().line())
                            : FixAttempt.refused("instructions stand between this RUN and the install at line "
                            + r.run().line() + ", and moving the update past them is not provably the same build");
                    out.report(p.run().span(), fix.message("this RUN only runs `" + CacheChain.updateCommand(family)
                            + "`: the index is cached as a layer of its own that goes stale, and its files can no"
                            + " longer be removed where they were made; delete this RUN: "
                            + CacheChain.updateAloneAdvice(family, CacheChain.shortText(inst), "the RUN at line "
                            + r.run().line())), fix.fix());
                    break;
                }
            }
        }
    }

    /**
     * JL201 alone, to read the file's suppression comments for it; made at first use, not in this class's
     * initializer, which runs while the rule index is being built (the infos would then come from annotations).
     */
    private static final class Jl201Alone {
        static final RuleCatalogue CATALOGUE = new RuleCatalogue(List.of(new Jl201ConsecutiveRuns()));
    }

    /** True when JL201 will not report the pair: switched off in the configuration, or suppressed at the install. */
    private static boolean jl201Silenced(Dockerfile df, RuleContext ctx, Instruction.Run install) {
        if (ctx != null && ctx.config() != null) {
            for (String s : ctx.config().ignored()) {
                String k = s.toLowerCase(Locale.ROOT);
                if (k.equals("jl201") || k.equals("consecutive-runs")) {
                    return true;
                }
            }
        }
        return Suppressions.of(df, Jl201Alone.CATALOGUE).suppresses("JL201", new Location.Source(install.span()));
    }

    /** R is the instruction right after P (comments and blank lines aside). */
    private static boolean directlyFollows(RunFacts p, RunFacts r) {
        if (p.stage() != r.stage()) {
            return false;
        }
        List<Instruction> ins = p.stage().instructions();
        int i = ins.indexOf(p.run());
        return i >= 0 && i + 1 < ins.size() && ins.get(i + 1) == r.run();
    }
}
