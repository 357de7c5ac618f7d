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
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.PackageManagers;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * zypper install/remove/update/patch without {@code -n}/{@code --non-interactive} or {@code -y}. The fix adds the
 * global option {@code --non-interactive} right after {@code zypper}.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL855", name = "zypper-missing-non-interactive", category = Category.CORRECTNESS,
        severity = Severity.WARNING,
        summary = "zypper install without --non-interactive (or -y) stops the build at its prompt",
        fixable = true,
        equivalents = {"hadolint:DL3034"})
public final class Jl855ZypperNonInteractive implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Hygiene.Call c : Hygiene.calls(df, df.stages())) {
            PackageManagers.Invocation inv = c.invocation();
            if (inv.manager() != PackageManagers.Manager.ZYPPER) {
                continue;
            }
            PackageManagers.Action a = inv.action();
            boolean prompts = a == PackageManagers.Action.INSTALL || a == PackageManagers.Action.UPGRADE
                    || a == PackageManagers.Action.REMOVE;
            if (!prompts || inv.hasOption("-n", "--non-interactive", "-y", "--no-confirm", "-D", "--dry-run")
                    || Hygiene.fedByPipe(c) || seen.contains(c.run())
                    || inv.args().stream().anyMatch(w -> !w.literal() && w.value().startsWith("$"))) {
                continue;
            }
            seen.add(c.run());
            FixAttempt fix = CacheFixes.insertAfterProgram(c.run(), inv, "--non-interactive");
            out.report(c.run().span(), fix.message("`" + CacheChain.shortText(inv) + "`"
                    + CacheChain.atLine(c.run(), c.command()) + " asks for confirmation and the build cannot answer:"
                    + " write `zypper --non-interactive " + inv.subcommand() + " …`"), fix.fix());
        }
    }
}
