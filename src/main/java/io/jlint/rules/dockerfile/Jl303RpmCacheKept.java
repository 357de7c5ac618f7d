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

/** yum/dnf/microdnf/tdnf install, upgrade or makecache without {@code clean all} later in the same RUN. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL303", name = "rpm-cache-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "yum/dnf/microdnf/tdnf install without 'clean all' leaves the metadata cache in the layer",
        fixable = true,
        equivalents = {"hadolint:DL3032", "hadolint:DL3040", "trivy:DS015", "trivy:DS019", "trivy:DS027"})
public final class Jl303RpmCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.RPM;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(left.size() - 1).fill().invocation();
        String mgr = PackageManagers.base(inv.words().get(0).value());
        String dir = switch (inv.manager()) {
            case TDNF -> "/var/cache/tdnf";
            case YUM, MICRODNF -> "/var/cache/yum";
            default -> "/var/cache/dnf";
        };
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command())
                + " leaves repository metadata and packages in " + dir + " in this layer: add `&& " + mgr
                + " clean all` at the end of this RUN";
    }

    @Override
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(left.size() - 1).fill().invocation();
        return CacheFixes.append(df, chain, run, null, PackageManagers.base(inv.words().get(0).value())
                + " clean all");
    }
}
