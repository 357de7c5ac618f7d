package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.ExecFormConverter;
import io.jlint.fix.FixAttempt;
import java.util.Locale;

/**
 * The built image starts through a shell-form CMD or ENTRYPOINT: {@code /bin/sh -c} is PID 1 and does not pass
 * SIGTERM on, so {@code docker stop} waits and then kills. A script that hands over with {@code exec} is fine.
 * Shell-form ENTRYPOINT with a CMD is JL505; shell-form CMD after an exec-form ENTRYPOINT is JL506; single-quoted
 * "JSON" is JL502.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL501", name = "shell-form-cmd", category = Category.ENTRYPOINT_CMD, severity = Severity.WARNING,
        summary = "The built image starts through a shell-form CMD or ENTRYPOINT, so signals never reach the process",
        fixable = true,
        equivalents = {"hadolint:DL3025", "buildkit:JSONArgsRecommended"})
public final class Jl501ShellFormCmd implements Rule<Dockerfile> {

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
        if (e.windows()) {
            return;
        }
        if (e.entry() != null) {
            if (e.cmd() == null && StartCommand.plainShellForm(e.entryCmd()) && !StartCommand.usesExec(e.entryCmd())) {
                report(df, e.entry(), e.entryCmd(), "ENTRYPOINT", out);
            }
            return;
        }
        if (e.cmd() != null && StartCommand.plainShellForm(e.cmdCmd()) && !StartCommand.usesExec(e.cmdCmd())) {
            report(df, e.cmd(), e.cmdCmd(), "CMD", out);
        }
    }

    /** Reports with the exec-form fix when the shell does nothing but split words, else says why not. */
    private static void report(Dockerfile df, Instruction in, CommandLine c, String keyword, FindingSink out) {
        FixAttempt fix = ExecFormConverter.toExecForm(df, in, c);
        out.report(in.span(), fix.message(message(keyword, c)), fix.fix());
    }

    private static String message(String keyword, CommandLine c) {
        String text = StartCommand.text(c);
        String program = text.isEmpty() ? "the program" : text.split("\\s+")[0];
        return keyword + " in shell form runs under /bin/sh -c, so the shell is PID 1 and SIGTERM from docker stop"
                + " never reaches " + program + "; use the exec form: "
                + StartCommand.execSuggestion(keyword.toUpperCase(Locale.ROOT), c);
    }
}
