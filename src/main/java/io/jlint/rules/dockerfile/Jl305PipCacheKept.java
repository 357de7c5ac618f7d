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

/** {@code pip install} (pip3, python -m pip) that writes pip's cache into the layer. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL305", name = "pip-cache-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "pip install without --no-cache-dir keeps downloaded packages in ~/.cache/pip",
        fixable = true,
        equivalents = {"hadolint:DL3042"})
public final class Jl305PipCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.PIP;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        String where = CacheChain.at(run, inv.command());
        String subject = "`" + CacheChain.shortText(inv) + "`" + where + (left.size() > 1 ? " and " + (left.size() - 1)
                + " more pip install" + (left.size() > 2 ? "s" : "") + " in this RUN keep" : " keeps");
        return subject + " every downloaded package in "
                + left.get(0).fill().paths().get(0) + " in this layer: add `--no-cache-dir`, or set"
                + " `ENV PIP_NO_CACHE_DIR=1` before it";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return CacheFixes.insertOption(run.run(), left.stream().map(f -> f.fill().invocation()).distinct().toList(),
                "--no-cache-dir");
    }
}
