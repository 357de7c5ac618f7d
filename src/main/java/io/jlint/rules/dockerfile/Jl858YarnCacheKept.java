package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.List;

/**
 * Yarn 1 install/add in a layer that reaches the image, leaving yarn's global cache behind. Dockerfiles that use
 * Yarn 2+ (a {@code .yarnrc.yml}, corepack, {@code yarn set version}, {@code --immutable}) are not reported: there
 * the cache may be the project's own offline store that Plug'n'Play loads packages from.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL858", name = "yarn-cache-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "yarn install leaves yarn's download cache in the layer",
        fixable = true,
        equivalents = {"hadolint:DL3060"})
public final class Jl858YarnCacheKept extends CacheLeftRule {

    @Override
    boolean applies(Dockerfile df) {
        for (Instruction in : df.instructions()) {
            String t = in.node().original();
            if (t.contains(".yarnrc.yml") || t.contains("corepack") || t.contains("set version")
                    || t.contains("--immutable") || t.contains(".yarn/") || t.contains("workspaces focus")
                    || t.contains("YARN_ENABLE") || t.contains("berry")) {
                return false;
            }
        }
        return true;
    }

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.YARN;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " keeps a copy of every downloaded package in yarn's cache in this layer: add"
                + " `&& yarn cache clean` at the end of this RUN, or install in a build stage";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.append(df, chain, run, null, "yarn cache clean");
    }
}
