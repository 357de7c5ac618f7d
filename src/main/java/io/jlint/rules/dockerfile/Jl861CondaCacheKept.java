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

/** conda/mamba/micromamba install or create in a layer that reaches the image, without {@code conda clean}. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL861", name = "conda-cache-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "conda/mamba install leaves the downloaded package archives in the pkgs cache",
        fixable = true)
public final class Jl861CondaCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.CONDA;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        String tool = PackageManagers.base(inv.words().get(0).value());
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " keeps every downloaded package archive in the pkgs cache in this layer: add `&& " + tool
                + " clean --all --yes` at the end of this RUN";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        return CacheFixes.append(df, chain, run, null, PackageManagers.base(inv.words().get(0).value())
                + " clean --all --yes");
    }
}
