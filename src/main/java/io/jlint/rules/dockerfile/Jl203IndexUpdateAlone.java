package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;

/**
 * A RUN that only refreshes a package index ({@code apt-get update}, {@code apk update}, {@code dnf makecache},
 * {@code zypper refresh}) while a later RUN installs from it: the index is cached with its own layer and goes stale,
 * and its files can no longer be removed where they were made. When the install RUN directly follows, JL201 reports
 * it instead.
 */
@AutoService(Rule.class)
@RuleInfo(id = "JL203", name = "index-update-alone", category = Category.UNMERGED_RUN, severity = Severity.WARNING,
        summary = "A RUN only refreshes the package index; the install that uses it is in a later RUN",
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
                    if (Jl201ConsecutiveRuns.mergeable(p, r)) {
                        break; // JL201 reports the pair at the install RUN
                    }
                    out.report(p.run().span(), "this RUN only runs `" + CacheChain.updateCommand(family) + "`: the"
                            + " index is cached as a layer of its own that goes stale, and its files can no longer be"
                            + " removed where they were made; delete this RUN: "
                            + CacheChain.updateAloneAdvice(family, CacheChain.shortText(inst), "the RUN at line "
                            + r.run().line()));
                    break;
                }
            }
        }
    }
}
