package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;

/**
 * System packages (apt, apk, yum, dnf, zypper, pacman) installed after the source was copied: they are installed
 * again on every source change although they never depend on it. Reported on the RUN that should move up.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL102", name = "packages-installed-after-copy", category = Category.CACHE_BUSTING,
        severity = Severity.WARNING,
        summary = "System packages are installed after the build context or source files were copied",
        equivalents = {})
public final class Jl102PackagesAfterCopy implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (CacheOrder.RunFinding f : CacheOrder.analyze(df).system()) {
            String what = f.copy().whole() ? "the build context" : f.copy().what();
            out.report(f.run().span(), f.step().argv().text() + " runs after " + what + " is copied (line "
                    + f.copy().instruction().line() + "), so every source change installs the packages again;"
                    + " move this RUN above the COPY");
        }
    }
}
