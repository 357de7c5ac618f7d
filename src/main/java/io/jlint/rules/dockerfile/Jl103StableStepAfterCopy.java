package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;

/**
 * A RUN that does not depend on the source (creating users and groups, installing named tools such as
 * {@code npm install -g x} or {@code pip install x}) placed after the source copy, so it re-runs on every source
 * change, or an ENV whose values never change (no build argument in them) set after the source copy. Reported on
 * the instruction that should move up.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL103", name = "stable-step-after-copy", category = Category.CACHE_BUSTING,
        severity = Severity.WARNING,
        summary = "A step that does not depend on the source (user creation, tool installs, constant ENV) comes after"
                + " the source was copied",
        equivalents = {})
public final class Jl103StableStepAfterCopy implements Rule<Dockerfile> {

    /** The owner a chown/chgrp of the RUN hands the files to ({@code app}, {@code app:app}), or null. */
    private static String chownOwner(Instruction.Run run) {
        for (Argv a : Argv.of(run)) {
            if (a.program().equals("chown") || a.program().equals("chgrp")) {
                for (String arg : a.args()) {
                    if (!arg.startsWith("-")) {
                        return a.program().equals("chgrp") ? ":" + arg : arg;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheOrder.Result result = CacheOrder.analyze(df);
        for (CacheOrder.EnvFinding f : result.envs()) {
            String what = f.copy().whole() ? "the build context" : f.copy().what();
            String keys = String.join(", ", f.env().pairs().stream().map(kv -> kv.key()).toList());
            List<Integer> lines = f.runsBetween().stream().map(Instruction::line).toList();
            String note = lines.isEmpty() ? "" : lines.size() == 1 ? " (the RUN at line " + lines.get(0)
                    + " then sees it too)" : " (the RUNs at lines " + lines.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + " then see it too)";
            out.report(f.env().span(), "ENV " + keys + (f.env().pairs().size() > 1 ? " never change but are set"
                    : " never changes but is set") + " after " + what + " is copied"
                    + " (line " + f.copy().instruction().line() + "), so every source change rebuilds it along with"
                    + " everything after the copy; move this ENV above the COPY" + note);
        }
        for (CacheOrder.RunFinding f : result.stable()) {
            String what = f.copy().whole() ? "the build context" : f.copy().what();
            String step = f.step().use() == CacheOrder.Use.USER ? "Creating users and groups ("
                    + f.step().argv().text() + ")" : f.step().argv().text();
            String owner = chownOwner(f.run());
            String fix = owner == null ? "move this RUN above the COPY" : "create the user above the COPY and copy"
                    + " with COPY --chown=" + owner + " instead of chown (which writes every copied file again into"
                    + " a new layer)";
            out.report(f.run().span(), step + " does not depend on the source but runs after " + what
                    + " is copied (line " + f.copy().instruction().line() + "), so it re-runs on every source change;"
                    + " " + fix);
        }
    }
}
