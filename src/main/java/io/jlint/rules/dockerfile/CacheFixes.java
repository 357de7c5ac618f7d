package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import io.jlint.fix.Edit;
import io.jlint.fix.Edits;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixes of the missing-cleanup and package-manager rules: an option added to a package-manager call, or a
 * cleanup command appended to the RUN that filled the cache, after checking that nothing later in the build needs
 * what is removed. Package-private helper of JL301–JL306, JL852, JL857–JL861.
 */
final class CacheFixes {
    private CacheFixes() {
    }

    /**
     * Appends {@code && command} to the RUN, unless a later RUN still needs what it removes: a later install of
     * the same package manager ({@code family}, see {@link CacheChain#family}) that does not refresh the index
     * itself. {@code family} null: nothing later depends on the cache.
     */
    static FixAttempt append(Dockerfile df, CacheChain chain, RunFacts run, String family, String command) {
        if (family != null) {
            Instruction.Run later = laterUser(chain, run, family);
            if (later != null) {
                return FixAttempt.refused("the RUN at line " + later.line() + " installs with the index this RUN"
                        + " leaves, so removing it here would break that RUN");
            }
        }
        return Edits.appendCommand(df, run.run(), command, "add `&& " + command + "` at the end of the RUN");
    }

    /**
     * Inserts {@code option} after the subcommand word ({@code install}, {@code add}) of each invocation; every
     * invocation must be a top-level command of the RUN (not inside {@code sh -c '…'}) with a literal subcommand.
     */
    static FixAttempt insertOption(Instruction.Run run, List<PackageManagers.Invocation> invocations, String option) {
        List<Edit> edits = new ArrayList<>();
        for (PackageManagers.Invocation inv : invocations) {
            if (!topLevel(run, inv.command())) {
                return FixAttempt.refused("`" + CacheChain.shortText(inv) + "` runs inside a nested shell script");
            }
            Word sub = null;
            boolean endOfOptions = false;
            for (Word w : inv.args()) {
                if (w.value().equals(inv.subcommand())) {
                    sub = w;
                    break;
                }
                endOfOptions |= w.value().equals("--");
            }
            if (sub == null || !sub.literal()) {
                return FixAttempt.refused("the subcommand of `" + CacheChain.shortText(inv) + "` is not written out");
            }
            if (endOfOptions) {
                return FixAttempt.refused("`--` before the subcommand of `" + CacheChain.shortText(inv) + "` ends its"
                        + " options");
            }
            Edit e = Edits.insertAfterWord(sub, option);
            if (edits.stream().noneMatch(o -> o.startOffset() == e.startOffset())) {
                edits.add(e);
            }
        }
        if (edits.isEmpty()) {
            return FixAttempt.refused("there is no command to add " + option + " to");
        }
        return FixAttempt.of(new Fix("add " + option + (invocations.size() == 1 ? " to `"
                + CacheChain.shortText(invocations.get(0)) + "`" : " to each call"), edits));
    }

    /**
     * Inserts {@code option} right after the program word of the invocation ({@code yum -y install …},
     * {@code zypper --non-interactive install …}: where a global option goes); the call must be a top-level command
     * of the RUN (not inside {@code sh -c '…'}) whose program is written out.
     */
    static FixAttempt insertAfterProgram(Instruction.Run run, PackageManagers.Invocation inv, String option) {
        if (!topLevel(run, inv.command())) {
            return FixAttempt.refused("`" + CacheChain.shortText(inv) + "` runs inside a nested shell script");
        }
        Word program = inv.words().get(0);
        if (!program.literal()) {
            return FixAttempt.refused("the program of `" + CacheChain.shortText(inv) + "` is not written out");
        }
        return FixAttempt.of(new Fix("add " + option + " to `" + CacheChain.shortText(inv) + "`",
                List.of(Edits.insertAfterWord(program, option))));
    }

    /** True when {@code c} is one of the RUN's own commands (not a command of a nested {@code sh -c} script). */
    static boolean topLevel(Instruction.Run run, SimpleCommand c) {
        for (ShellScript s : run.command().scripts()) {
            for (SimpleCommand x : s.commands()) {
                if (x == c) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A later RUN in the chain that installs from {@code family}'s index without refreshing it first. */
    private static Instruction.Run laterUser(CacheChain chain, RunFacts run, String family) {
        boolean after = false;
        for (RunFacts r : chain.runs) {
            if (r == run) {
                after = true;
                continue;
            }
            if (!after) {
                continue;
            }
            for (SimpleCommand c : r.commands()) {
                var inv = PackageManagers.invocation(c);
                if (inv.isEmpty() || !CacheChain.family(inv.get().manager()).equals(family)) {
                    continue;
                }
                PackageManagers.Invocation i = inv.get();
                if (i.action() == PackageManagers.Action.UPDATE_INDEX
                        || (family.equals("apk") && i.hasOption("--no-cache"))) {
                    break;
                }
                if (i.action() == PackageManagers.Action.INSTALL || i.action() == PackageManagers.Action.UPGRADE) {
                    return r.run();
                }
            }
        }
        return null;
    }
}
