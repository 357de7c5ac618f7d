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
 * A RUN that does not depend on the source (creating users and groups, installing named tools such as
 * {@code npm install -g x} or {@code pip install x}) placed after the source copy, so it re-runs on every source
 * change. Reported on the RUN that should move up.
 */
@AutoService(Rule.class)
@RuleInfo(id = "JL103", name = "stable-step-after-copy", category = Category.CACHE_BUSTING,
        severity = Severity.WARNING,
        summary = "A step that does not depend on the source (user creation, tool installs) runs after the source"
                + " was copied",
        equivalents = {})
public final class Jl103StableStepAfterCopy implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (CacheOrder.RunFinding f : CacheOrder.analyze(df).stable()) {
            String what = f.copy().whole() ? "the build context" : f.copy().what();
            String step = f.step().use() == CacheOrder.Use.USER ? "Creating users and groups ("
                    + f.step().argv().text() + ")" : f.step().argv().text();
            out.report(f.run().span(), step + " does not depend on the source but runs after " + what
                    + " is copied (line " + f.copy().instruction().line() + "), so it re-runs on every source change;"
                    + " move this RUN above the COPY");
        }
    }
}
