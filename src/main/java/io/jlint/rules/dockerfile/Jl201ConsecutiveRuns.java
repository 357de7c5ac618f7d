package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.FixAttempt;
import io.jlint.fix.RunMerger;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Two RUNs in a row (only comments between them) with the same flags, in a stage whose layers reach the image, that
 * would make one layer as well: at least one of them short (at most two commands: a short step gains nothing from a
 * cache boundary of its own), or the first only refreshes a package index. Reported at the second RUN; a run of N
 * such RUNs gives N-1 findings. Two long RUNs next to each other are taken as deliberate (separate cache steps), as
 * are RUNs with different --mount/--network/--security flags.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL201", name = "consecutive-runs", category = Category.UNMERGED_RUN, severity = Severity.INFO,
        summary = "Consecutive short RUN instructions make a layer each where one would do",
        fixable = true,
        equivalents = {"hadolint:DL3059"})
public final class Jl201ConsecutiveRuns implements Rule<Dockerfile> {

    /** RUNs with at most this many commands are "short". */
    static final int SHORT = 2;

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheChain chain = CacheChain.of(df, ctx);
        for (Stage s : RunFacts.layerChain(df, ctx == null || ctx.config() == null ? null : ctx.config().target())) {
            List<Instruction> ins = s.instructions();
            for (int i = 1; i < ins.size(); i++) {
                if (!(ins.get(i - 1) instanceof Instruction.Run p) || !(ins.get(i) instanceof Instruction.Run r)) {
                    continue;
                }
                if (windowsShellPair(p, r, out)) {
                    continue;
                }
                RunFacts pf = chain.factsOf(p);
                RunFacts rf = chain.factsOf(r);
                if (!mergeable(pf, rf) || !chain.lateCleanupsIn(rf).isEmpty()) {
                    continue;
                }
                if (CacheChain.indexUpdateOnly(pf)) {
                    String family = CacheChain.indexFamilies(pf).iterator().next();
                    PackageManagers.Invocation inst = CacheChain.installOf(rf, family);
                    String advice = inst == null ? "merge the two RUNs"
                            : CacheChain.updateAloneAdvice(family, CacheChain.shortText(inst), "this RUN");
                    FixAttempt fix = merge(df, p, r);
                    out.report(r.span(), fix.message("the RUN at line " + p.line() + " only runs `"
                            + CacheChain.updateCommand(family) + "`, a layer of package index that goes stale in the"
                            + " build cache: delete that RUN; " + advice), fix.fix());
                } else if (small(pf) || small(rf)) {
                    FixAttempt fix = merge(df, p, r);
                    out.report(r.span(), fix.message("this RUN and the RUN at line " + p.line() + " each make a layer"
                            + " where one would do: join their commands with `&&` in one RUN"), fix.fix());
                }
            }
        }
    }

    private static FixAttempt merge(Dockerfile df, Instruction.Run p, Instruction.Run r) {
        return RunMerger.merge(df, List.of(p, r), "merge this RUN into the RUN at line " + p.line());
    }

    /** True when R directly follows P (comments aside) and both can be joined: same flags, POSIX shell form. */
    static boolean mergeable(RunFacts p, RunFacts r) {
        if (p == null || r == null || !p.analysable() || !r.analysable() || p.stage() != r.stage()) {
            return false;
        }
        List<Instruction> ins = p.stage().instructions();
        int pi = p.stage().position(p.run());
        if (pi < 0 || pi + 1 >= ins.size() || ins.get(pi + 1) != r.run()) {
            return false;
        }
        return flags(p.run()).equals(flags(r.run()));
    }

    private static List<String> flags(Instruction.Run run) {
        return run.flags().stream().map(Jl201ConsecutiveRuns::norm).sorted().toList();
    }

    private static String norm(Flag f) {
        return f.name().toLowerCase(Locale.ROOT) + "=" + (f.value() == null ? "" : f.value());
    }

    /**
     * Two consecutive shell-form RUNs run by cmd or PowerShell (a Windows image), with the same shell and flags and at
     * least one of them short: reported like the POSIX case, joined with that shell's separator. True when the pair
     * was a Windows one (reported or not), so that the POSIX analysis skips it.
     */
    private static boolean windowsShellPair(Instruction.Run p, Instruction.Run r, FindingSink out) {
        String sep = windowsSeparator(p);
        if (sep == null || !sep.equals(windowsSeparator(r))) {
            return sep != null || windowsSeparator(r) != null;
        }
        if (!p.command().shell().equals(r.command().shell()) || !flags(p).equals(flags(r))) {
            return true;
        }
        if (statements(p) <= SHORT || statements(r) <= SHORT) {
            out.report(r.span(), "this RUN and the RUN at line " + p.line() + " each make a layer where one would"
                    + " do: join their commands with `" + sep + "` in one RUN");
        }
        return true;
    }

    /** {@code ;} for PowerShell, {@code &&} for cmd; null for anything else (POSIX shells, exec form, other shells). */
    private static String windowsSeparator(Instruction.Run run) {
        if (run.command().execForm() || run.command().shellText() == null || run.command().shell().isEmpty()) {
            return null;
        }
        String prog = run.command().shell().get(0).replace('\\', '/');
        String base = prog.substring(prog.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "");
        return switch (base) {
            case "powershell", "pwsh" -> ";";
            case "cmd" -> "&&";
            default -> null;
        };
    }

    /**
     * The statements of a cmd/PowerShell RUN: one more than its separators ({@code ;}, {@code &&}, {@code ||},
     * {@code &}, {@code |}) outside quotes.
     */
    static int statements(Instruction.Run run) {
        String t = run.command().shellText().text();
        int n = 1;
        char quote = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' || c == '|' || c == '&') {
                n++;
                if (i + 1 < t.length() && t.charAt(i + 1) == c) {
                    i++;
                }
            }
        }
        return n;
    }

    /** At most {@link #SHORT} commands (control structures count as one more each). */
    static boolean small(RunFacts run) {
        return weight(run) <= SHORT;
    }

    static int weight(RunFacts run) {
        int n = 0;
        for (SimpleCommand c : run.commands()) {
            if (!c.words().isEmpty() && !c.inSubstitution()) {
                n++;
            }
        }
        for (ShellScript s : run.run().command().scripts()) {
            n += compounds(s.root());
        }
        return n;
    }

    private static int compounds(ShellNode root) {
        if (root == null) {
            return 0;
        }
        int n = 0;
        Deque<ShellNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            ShellNode node = todo.pop();
            if (node instanceof ShellNode.Compound k) {
                n++;
                k.parts().forEach(todo::push);
            } else if (node instanceof ShellNode.Pipeline p) {
                p.elements().forEach(todo::push);
            } else if (node instanceof ShellNode.AndOrList a) {
                a.elements().forEach(todo::push);
            } else if (node instanceof ShellNode.Sequence q) {
                q.elements().forEach(todo::push);
            } else if (node instanceof ShellNode.Group g && g.body() != null) {
                todo.push(g.body());
            }
        }
        return n;
    }
}
