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
 * A shell-form ENTRYPOINT together with a CMD: the shell runs only the ENTRYPOINT string, so CMD and any
 * {@code docker run} arguments are silently ignored. Reported on the ENTRYPOINT.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL505", name = "shell-entrypoint-drops-cmd", category = Category.ENTRYPOINT_CMD,
        severity = Severity.ERROR,
        summary = "A shell-form ENTRYPOINT silently ignores CMD and docker run arguments",
        equivalents = {"hadolint:DL3025", "buildkit:JSONArgsRecommended"})
public final class Jl505ShellEntrypointDropsCmd implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df == null || df.stages().isEmpty()) {
            return;
        }
        StartCommand.Effective e = StartCommand.of(df, df.targetStage(ctx.config().target()));
        if (e.windows() || e.entry() == null || e.cmd() == null || !StartCommand.plainShellForm(e.entryCmd())) {
            return;
        }
        out.report(e.entry().span(), "ENTRYPOINT in shell form runs only its own string, so the CMD on line "
                + e.cmd().line() + " and docker run arguments are silently ignored; use the exec form so CMD supplies"
                + " the arguments: " + StartCommand.execSuggestion("ENTRYPOINT", e.entryCmd()));
    }
}
