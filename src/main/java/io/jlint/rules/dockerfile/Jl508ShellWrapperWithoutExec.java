package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An exec-form {@code ["sh", "-c", "…"]} CMD/ENTRYPOINT whose script is one simple command without {@code exec}:
 * the shell may stay PID 1 with the program as its child, so SIGTERM does not reach the program. Scripts with
 * several commands, pipes or lists are left alone (they need the shell).
 */
@AutoService(Rule.class)
@RuleInfo(id = "JL508", name = "shell-wrapper-without-exec", category = Category.ENTRYPOINT_CMD,
        severity = Severity.WARNING,
        summary = "An sh -c wrapper in CMD or ENTRYPOINT runs a single command without exec",
        equivalents = {})
public final class Jl508ShellWrapperWithoutExec implements Rule<Dockerfile> {

    private static final Set<String> BUILTINS = Set.of("exec", "cd", "export", "set", "trap", "wait", "eval", ".",
            "source", ":", "true", "false", "read", "ulimit", "umask", "echo", "printf", "sleep", "test", "[");

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
            report(e.entry(), e.entryCmd(), "ENTRYPOINT", out);
        } else if (e.cmd() != null) {
            report(e.cmd(), e.cmdCmd(), "CMD", out);
        }
    }

    private static void report(Instruction in, CommandLine c, String keyword, FindingSink out) {
        if (c == null || !c.execForm()) {
            return;
        }
        List<String> args = c.execArgs();
        int at = StartCommand.shellScriptIndex(args);
        if (at < 0) {
            return;
        }
        String script = args.get(at);
        ShellScript parsed = StartCommand.parse(script);
        SimpleCommand sc = StartCommand.single(parsed);
        if (sc == null || sc.inSubstitution() || !sc.assignments().isEmpty()) {
            return;
        }
        String program = sc.words().get(0).value();
        if (BUILTINS.contains(program)) {
            return;
        }
        List<String> direct = StartCommand.execEquivalent(sc);
        String fix;
        if (direct != null && at == args.size() - 1) {
            List<String> both = new ArrayList<>(direct);
            fix = "run it directly: " + keyword + " " + StartCommand.json(both) + " (or prefix the command with exec)";
        } else {
            List<String> fixed = new ArrayList<>(args);
            fixed.set(at, "exec " + script.trim());
            fix = "prefix the command with exec: " + keyword + " " + StartCommand.json(fixed);
        }
        out.report(in.span(), "The shell started by " + BuildChain.baseName(args.get(0)) + " -c runs " + program
                + " as its child unless it happens to exec it, so SIGTERM may never reach " + program + "; " + fix);
    }
}
