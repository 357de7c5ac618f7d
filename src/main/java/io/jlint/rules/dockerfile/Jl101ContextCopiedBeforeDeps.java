package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.FixAttempt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The build context or source files are copied before the dependencies are installed: every source change then
 * throws away the cached dependency layer. Reported on the COPY/ADD that should move below the install.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL101", name = "context-copied-before-deps", category = Category.CACHE_BUSTING,
        severity = Severity.WARNING,
        summary = "The build context or source files are copied before the dependency manifests are copied and the"
                + " dependencies installed",
        fixable = true,
        equivalents = {})
public final class Jl101ContextCopiedBeforeDeps implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (CacheOrder.DepFinding f : CacheOrder.analyze(df).deps()) {
            FixAttempt fix = DependencyReorder.fix(df, f, ctx == null ? null : ctx.buildContext());
            out.report(f.copy().instruction().span(), fix == null ? message(f) : fix.message(message(f)),
                    fix == null ? null : fix.fix());
        }
    }

    static String message(CacheOrder.DepFinding f) {
        CacheOrder.SourceCopy c = f.copy();
        String keyword = c.instruction().node().keyword().toUpperCase(Locale.ROOT);
        boolean allBuild = true;
        List<String> where = new ArrayList<>();
        Set<String> advice = new LinkedHashSet<>();
        for (CacheOrder.Hit h : f.hits()) {
            if (h.step().use() != CacheOrder.Use.BUILD) {
                allBuild = false;
            }
            where.add(h.step().argv().text() + ", line " + h.run().line());
            advice.add(CacheOrder.advice(h));
        }
        String subject = c.whole() ? "The whole build context is copied" : "Source files (" + c.what() + ") are copied";
        return subject + " before the dependencies are " + (allBuild ? "downloaded" : "installed") + " ("
                + String.join("; ", where) + "), so every source change "
                + (allBuild ? "downloads them again" : "re-installs them") + "; " + String.join("; ", advice)
                + " before this " + keyword;
    }
}
