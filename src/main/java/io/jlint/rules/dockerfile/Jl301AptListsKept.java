package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.List;

/**
 * {@code apt-get update} (apt, aptitude) without {@code rm -rf /var/lib/apt/lists/*} later in the same RUN; and,
 * when the Dockerfile switched docker-clean off, installs without {@code apt-get clean}.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL301", name = "apt-lists-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "apt-get update leaves the package lists in the layer: remove /var/lib/apt/lists/* in the same RUN",
        fixable = true,
        equivalents = {"hadolint:DL3009", "dockle:DKL-DI-0005"})
public final class Jl301AptListsKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.APT_LISTS || cache == PackageCache.APT_ARCHIVES;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        RunFacts.FillAt lists = null;
        RunFacts.FillAt archives = null;
        for (RunFacts.FillAt f : left) {
            if (f.fill().cache() == PackageCache.APT_LISTS && lists == null) {
                lists = f;
            } else if (f.fill().cache() == PackageCache.APT_ARCHIVES && archives == null) {
                archives = f;
            }
        }
        boolean cleans = run.cleanups().stream().anyMatch(c -> c.caches().contains(PackageCache.APT_ARCHIVES));
        StringBuilder sb = new StringBuilder();
        if (lists != null) {
            sb.append('`').append(CacheChain.shortText(lists.fill().invocation())).append('`')
                    .append(CacheChain.at(run, lists.fill().invocation().command()))
                    .append(" leaves the package lists (/var/lib/apt/lists, tens of MB) in this layer");
            if (cleans) {
                sb.append(", and `apt-get clean` does not remove them");
            }
            sb.append(": add `&& rm -rf /var/lib/apt/lists/*` at the end of this RUN");
            if (archives != null) {
                sb.append("; docker-clean is switched off, so the downloaded .deb files stay too: add `apt-get clean`"
                        + " as well, or mount a cache at /var/cache/apt");
            }
        } else {
            sb.append('`').append(CacheChain.shortText(archives.fill().invocation())).append('`')
                    .append(CacheChain.at(run, archives.fill().invocation().command()))
                    .append(" keeps the downloaded .deb files in /var/cache/apt because this Dockerfile switched off"
                            + " docker-clean: add `&& apt-get clean` at the end of this RUN, or mount a cache at"
                            + " /var/cache/apt");
        }
        return sb.toString();
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        boolean lists = left.stream().anyMatch(f -> f.fill().cache() == PackageCache.APT_LISTS);
        boolean archives = left.stream().anyMatch(f -> f.fill().cache() == PackageCache.APT_ARCHIVES);
        if (lists) {
            return CacheFixes.append(df, chain, run, "apt", archives ? "apt-get clean && rm -rf /var/lib/apt/lists/*"
                    : "rm -rf /var/lib/apt/lists/*");
        }
        return CacheFixes.append(df, chain, run, null, "apt-get clean");
    }
}
