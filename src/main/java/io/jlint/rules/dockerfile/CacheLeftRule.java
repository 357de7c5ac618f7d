package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the rules that report a package cache left in the layer of the RUN that filled it: only RUNs whose
 * layers reach the built image, not RUNs whose cache is on a {@code --mount}, and not when a later RUN removes it
 * (the unmerged-run rule JL202 reports that, at the later RUN). One finding per RUN.
 */
abstract class CacheLeftRule implements Rule<Dockerfile> {

    @Override
    public final Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    /** True for the caches this rule reports. */
    abstract boolean concerns(PackageCache cache);

    /** The message for the caches left by one RUN (non-empty list, in command order). */
    abstract String message(RunFacts run, List<RunFacts.FillAt> left);

    /**
     * The fix for the caches left by one RUN, or null when the rule offers none. The default: none.
     */
    FixAttempt fix(Dockerfile df, CacheChain chain, RunFacts run, List<RunFacts.FillAt> left) {
        return null;
    }

    /** False when the rule has nothing to say about this Dockerfile at all. */
    boolean applies(Dockerfile df) {
        return true;
    }

    @Override
    public final void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (!applies(df)) {
            return;
        }
        CacheChain chain = CacheChain.of(df, ctx);
        for (RunFacts run : chain.runs) {
            if (!run.analysable()) {
                continue;
            }
            List<RunFacts.FillAt> left = new ArrayList<>();
            for (RunFacts.FillAt f : run.fills()) {
                if (concerns(f.fill().cache()) && f.left() && !chain.cleanedLater(run, f)) {
                    left.add(f);
                }
            }
            if (!left.isEmpty()) {
                String message = message(run, left);
                FixAttempt fix = fix(df, chain, run, left);
                out.report(run.run().span(), fix == null ? message : fix.message(message),
                        fix == null ? null : fix.fix());
            }
        }
    }
}
