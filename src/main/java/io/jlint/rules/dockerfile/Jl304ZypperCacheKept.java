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

/** zypper install/update/refresh without {@code zypper clean} later in the same RUN. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL304", name = "zypper-cache-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "zypper install without 'zypper clean' leaves the cache in /var/cache/zypp",
        fixable = true,
        equivalents = {"hadolint:DL3036", "trivy:DS020"})
public final class Jl304ZypperCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.ZYPPER;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(left.size() - 1).fill().invocation();
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " leaves repository metadata and packages in /var/cache/zypp in this layer: add"
                + " `&& zypper clean --all` at the end of this RUN";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.append(df, chain, run, "zypper", "zypper clean --all");
    }
}
