package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.List;

/** npm install/ci in a layer that reaches the image, leaving npm's cache (~/.npm) behind. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL857", name = "npm-cache-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "npm install/ci leaves npm's download cache (~/.npm) in the layer",
        fixable = true)
public final class Jl857NpmCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.NPM;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " keeps a copy of every downloaded package in " + left.get(0).fill().paths().get(0)
                + " in this layer: add `&& npm cache clean --force` at the end of this RUN, mount a cache there"
                + " (`RUN --mount=type=cache,target=/root/.npm`), or install in a build stage";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.append(df, chain, run, null, "npm cache clean --force");
    }
}
