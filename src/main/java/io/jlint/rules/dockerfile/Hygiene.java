package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.rules.dockerfile.support.PackageManagers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Helpers of the package-manager hygiene rules (JL850–JL860). */
final class Hygiene {

    private Hygiene() {
    }

    /** A package-manager call of a RUN, with the script it is in (for pipeline questions). */
    record Call(Instruction.Run run, Stage stage, ShellScript script, SimpleCommand command,
                PackageManagers.Invocation invocation) {
    }

    /** Every package-manager call in the RUNs of the stages (POSIX shell form, not Windows), in file order. */
    static List<Call> calls(Dockerfile df, List<Stage> stages) {
        List<Call> out = new ArrayList<>();
        for (Stage s : stages) {
            if (io.jlint.rules.dockerfile.support.RunFacts.windows(df, s)) {
                continue;
            }
            for (Instruction in : s.instructions()) {
                if (!(in instanceof Instruction.Run run) || run.command().execForm()
                        || !run.command().posixShell()) {
                    continue;
                }
                for (ShellScript script : run.command().scripts()) {
                    collect(run, s, script, out, 0);
                }
            }
        }
        return out;
    }

    private static void collect(Instruction.Run run, Stage s, ShellScript script, List<Call> out, int depth) {
        for (SimpleCommand c : script.commands()) {
            PackageManagers.invocation(c).ifPresent(inv -> out.add(new Call(run, s, script, c, inv)));
            if (depth < 4) {
                for (ShellScript nested : Commands.nestedScripts(script, c)) {
                    collect(run, s, nested, out, depth + 1);
                }
            }
        }
    }

    /** True when something feeds the command's standard input through a pipe ({@code yes | apt-get install x}). */
    static boolean fedByPipe(Call call) {
        ShellNode.Pipeline p = Commands.pipelineOf(call.script(), call.command());
        if (p == null) {
            return false;
        }
        List<ShellNode> els = p.elements();
        for (int i = 1; i < els.size(); i++) {
            if (contains(els.get(i), call.command())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(ShellNode node, SimpleCommand c) {
        if (node == c) {
            return true;
        }
        if (node instanceof ShellNode.Pipeline p) {
            return p.elements().stream().anyMatch(e -> contains(e, c));
        }
        if (node instanceof ShellNode.AndOrList a) {
            return a.elements().stream().anyMatch(e -> contains(e, c));
        }
        if (node instanceof ShellNode.Sequence q) {
            return q.elements().stream().anyMatch(e -> contains(e, c));
        }
        if (node instanceof ShellNode.Group g) {
            return g.body() != null && contains(g.body(), c);
        }
        if (node instanceof ShellNode.Compound k) {
            return k.parts().stream().anyMatch(e -> contains(e, c));
        }
        return false;
    }

    /**
     * True when, before {@code until} in the stage chain of its stage, an instruction may configure the manager:
     * a RUN whose text (heredocs included) has a match of {@code setting} (written as in a configuration file, so
     * that a command-line flag of an earlier RUN does not count), an ENV naming {@code envName}, or a COPY/ADD into
     * a destination containing one of {@code configDirs}.
     */
    static boolean configuredBefore(Dockerfile df, Stage stage, Instruction until, java.util.regex.Pattern setting,
                                    String envName, String... configDirs) {
        Predicate<Instruction> configures = in -> {
            if (in instanceof Instruction.Run r) {
                return setting.matcher(r.node().original()).find()
                        || r.node().heredocs().stream().anyMatch(h -> setting.matcher(h.body()).find());
            }
            if (in instanceof Instruction.Env e && envName != null) {
                return e.pairs().stream().anyMatch(kv -> kv.key().equals(envName));
            }
            String dest = in instanceof Instruction.Copy c ? c.destination()
                    : in instanceof Instruction.Add a ? a.destination() : null;
            if (dest != null) {
                for (String d : configDirs) {
                    if (dest.contains(d)) {
                        return true;
                    }
                }
            }
            return false;
        };
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage; s != null; s = s.baseStage() >= 0 ? df.stages().get(s.baseStage()) : null) {
            chain.add(0, s);
            if (chain.size() > df.stages().size()) {
                break;
            }
        }
        for (Stage s : chain) {
            for (Instruction in : s.instructions()) {
                if (in == until) {
                    return configures.test(in);
                }
                if (configures.test(in)) {
                    return true;
                }
            }
        }
        return false;
    }
}
