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

/** composer install/update/require in a layer that reaches the image, leaving composer's cache behind. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL859", name = "composer-cache-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "composer install leaves composer's download cache in the layer",
        fixable = true)
public final class Jl859ComposerCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.COMPOSER;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " keeps downloaded package archives in composer's cache in this layer: add `--no-cache`, or"
                + " `&& composer clear-cache` at the end of this RUN";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.append(df, chain, run, null, "composer clear-cache");
    }
}
