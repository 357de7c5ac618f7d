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

/** uv pip install / uv sync in a layer that reaches the image, leaving uv's cache (~/.cache/uv) behind. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL860", name = "uv-cache-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "uv pip install / uv sync without --no-cache leaves uv's cache in the layer",
        fixable = true)
public final class Jl860UvCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.UV;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " keeps everything it downloads and builds in " + left.get(0).fill().paths().get(0)
                + " in this layer: add `--no-cache` (or set `ENV UV_NO_CACHE=1`), or mount a cache there"
                + " (`RUN --mount=type=cache,target=/root/.cache/uv`)";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.append(df, chain, run, null, "uv cache clean");
    }
}
