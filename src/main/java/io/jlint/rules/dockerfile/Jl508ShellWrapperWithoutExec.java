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
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.fix.FixAttempt;
import io.jlint.fix.JsonArrays;
import io.jlint.fix.ShellWrapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An exec-form {@code ["sh", "-c", "…"]} CMD/ENTRYPOINT whose script is one simple command without {@code exec},
 * or a list of simple commands ({@code migrate && gunicorn …}, {@code a; b}) whose last command starts the program
 * without {@code exec}: the shell may stay PID 1 with the program as its child, so SIGTERM does not reach the
 * program. Scripts with pipes, {@code ||}, background jobs, loops, {@code trap} or {@code wait} are left alone
 * (the shell does real work there). The fix prefixes a script of one simple command with {@code exec}
 * ({@link ShellWrapper#prefixExec}); a list is left to its author.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL508", name = "shell-wrapper-without-exec", category = Category.ENTRYPOINT_CMD,
        severity = Severity.WARNING,
        summary = "An sh -c wrapper in CMD or ENTRYPOINT runs a single command without exec",
        fixable = true,
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
            report(df, e.entry(), e.entryCmd(), "ENTRYPOINT", out);
        } else if (e.cmd() != null) {
            report(df, e.cmd(), e.cmdCmd(), "CMD", out);
        }
    }

    private static void report(Dockerfile df, Instruction in, CommandLine c, String keyword, FindingSink out) {
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
        SimpleCommand last = sc == null ? lastOfList(parsed) : null;
        if (last != null) {
            sc = last;
        }
        if (sc == null || sc.inSubstitution() || !sc.assignments().isEmpty()) {
            return;
        }
        String program = sc.words().get(0).value();
        if (BUILTINS.contains(program)) {
            return;
        }
        List<String> direct = last == null ? StartCommand.execEquivalent(sc) : null;
        String fix;
        if (last != null) {
            int off = sc.span().startOffset();
            List<String> fixed = new ArrayList<>(args);
            fixed.set(at, script.substring(0, off) + "exec " + script.substring(off));
            fix = "prefix the last command with exec: " + keyword + " " + JsonArrays.write(fixed);
        } else if (direct != null && at == args.size() - 1) {
            List<String> both = new ArrayList<>(direct);
            fix = "run it directly: " + keyword + " " + JsonArrays.write(both) + " (or prefix the command with exec)";
        } else {
            List<String> fixed = new ArrayList<>(args);
            fixed.set(at, "exec " + script.trim());
            fix = "prefix the command with exec: " + keyword + " " + JsonArrays.write(fixed);
        }
        FixAttempt attempt = last != null
                ? FixAttempt.refused("the script runs several commands, and which of them takes over is the"
                + " author's choice")
                : ShellWrapper.prefixExec(df, in, c);
        out.report(in.span(), attempt.message("The shell started by " + BuildChain.baseName(args.get(0)) + " -c runs "
                + program + " as its child unless it happens to exec it, so SIGTERM may never reach " + program + "; "
                + fix), attempt.fix());
    }

    /**
     * For a script that is a list of simple commands joined by {@code &&}, {@code ;} or newlines, its last command;
     * null for anything else (pipes, {@code ||}, {@code &}, groups, loops) and when any command is {@code exec},
     * {@code trap} or {@code wait} (the script already hands over or handles signals itself).
     */
    private static SimpleCommand lastOfList(ShellScript parsed) {
        if (parsed == null) {
            return null;
        }
        List<ShellNode> items = new ArrayList<>();
        if (parsed.root() instanceof ShellNode.Sequence q) {
            for (String sep : q.separators()) {
                if (sep.trim().equals("&")) {
                    return null;
                }
            }
            items.addAll(q.elements());
        } else {
            items.add(parsed.root());
        }
        List<SimpleCommand> cmds = new ArrayList<>();
        for (ShellNode n : items) {
            if (n instanceof SimpleCommand c) {
                cmds.add(c);
            } else if (n instanceof ShellNode.AndOrList l && l.operators().stream().allMatch("&&"::equals)
                    && l.elements().stream().allMatch(SimpleCommand.class::isInstance)) {
                l.elements().forEach(e -> cmds.add((SimpleCommand) e));
            } else {
                return null;
            }
        }
        if (cmds.size() < 2 || cmds.size() != parsed.commands().size()) {
            return null;
        }
        for (SimpleCommand c : cmds) {
            if (c.words().isEmpty()) {
                continue;
            }
            String p = c.words().get(0).value();
            if (p.equals("exec") || p.equals("trap") || p.equals("wait")) {
                return null;
            }
        }
        SimpleCommand last = cmds.get(cmds.size() - 1);
        return last.words().isEmpty() ? null : last;
    }
}
