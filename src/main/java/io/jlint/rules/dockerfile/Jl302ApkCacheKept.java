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

/** {@code apk add}/{@code apk upgrade} without {@code --no-cache}, or {@code apk update}, with no cleanup. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL302", name = "apk-cache-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "apk add without --no-cache (or apk update) leaves the package index in /var/cache/apk",
        fixable = true,
        equivalents = {"hadolint:DL3019", "trivy:DS025"})
public final class Jl302ApkCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.APK;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        RunFacts.FillAt first = left.get(0);
        PackageManagers.Invocation inv = first.fill().invocation();
        String where = CacheChain.at(run, inv.command());
        if (inv.action() == PackageManagers.Action.UPDATE_INDEX) {
            boolean addsNoCache = run.fills().stream().noneMatch(f -> f.fill().invocation().action()
                    != PackageManagers.Action.UPDATE_INDEX);
            return "`apk update`" + where + " stores the package index in /var/cache/apk in this layer: "
                    + (addsNoCache ? "drop it and use `apk add --no-cache`, which fetches a fresh index without"
                    + " keeping it" : "use `apk add --no-cache` instead of updating first")
                    + ", or add `&& rm -rf /var/cache/apk/*` at the end of this RUN";
        }
        return "`" + CacheChain.shortText(inv) + "`" + where + " without `--no-cache` stores the package index in"
                + " /var/cache/apk in this layer: use `apk " + inv.subcommand() + " --no-cache`"
                + (run.fills().stream().anyMatch(f -> f.fill().invocation().action()
                == PackageManagers.Action.UPDATE_INDEX) ? " and drop `apk update`" : "")
                + ", or add `&& rm -rf /var/cache/apk/*` at the end of this RUN";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        boolean update = left.stream().anyMatch(f -> f.fill().invocation().action()
                == PackageManagers.Action.UPDATE_INDEX);
        if (update) {
            return CacheFixes.append(df, chain, run, "apk", "rm -rf /var/cache/apk/*");
        }
        FixAttempt later = CacheFixes.append(df, chain, run, "apk", "true");
        if (!later.fixed()) {
            return later;
        }
        return CacheFixes.insertOption(run.run(), left.stream().map(f -> f.fill().invocation()).distinct().toList(),
                "--no-cache");
    }
}
