package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;

/**
 * A shell-form CMD combined with an exec-form ENTRYPOINT: the entrypoint receives {@code /bin/sh -c "…"} as its
 * arguments instead of the command's words. Reported on the CMD.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL506", name = "shell-cmd-to-exec-entrypoint", category = Category.ENTRYPOINT_CMD,
        severity = Severity.WARNING,
        summary = "A shell-form CMD is passed to an exec-form ENTRYPOINT as /bin/sh -c arguments",
        equivalents = {"hadolint:DL3025", "buildkit:JSONArgsRecommended"})
public final class Jl506ShellCmdToExecEntrypoint implements Rule<Dockerfile> {

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
        if (e.windows() || e.entry() == null || e.cmd() == null || e.entryCmd() == null
                || !e.entryCmd().execForm() || !StartCommand.plainShellForm(e.cmdCmd())) {
            return;
        }
        List<String> entry = e.entryCmd().execArgs();
        String program = entry.isEmpty() ? "the ENTRYPOINT" : entry.get(0);
        String text = StartCommand.text(e.cmdCmd());
        String suggestion = StartCommand.execSuggestion("CMD", e.cmdCmd());
        out.report(e.cmd().span(), "CMD in shell form is handed to the exec-form ENTRYPOINT as arguments, so "
                + program + " receives /bin/sh -c \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                + "\" instead of the arguments; " + (suggestion.startsWith("CMD") ? "write " + suggestion
                : suggestion));
    }
}
