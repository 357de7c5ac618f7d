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
import java.util.Locale;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * yum, dnf or tdnf install/upgrade/remove without {@code -y}/{@code --assumeyes}: they ask "Is this ok [y/N]" and
 * a build answers no. microdnf never asks and is not reported. The fix adds {@code -y} right after the program.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL854", name = "rpm-missing-yes", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "yum/dnf install without -y stops the build at the confirmation prompt",
        fixable = true,
        equivalents = {"hadolint:DL3030", "hadolint:DL3038"})
public final class Jl854RpmMissingYes implements Rule<Dockerfile> {

    /** A yum/dnf configuration line {@code assumeyes=1} (not {@code --assumeyes} nor {@code --setopt=assumeyes=1}). */
    private static final java.util.regex.Pattern CONFIG = java.util.regex.Pattern.compile(
            "(?im)(?<![-=\\w])assumeyes\\s*=");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Hygiene.Call c : Hygiene.calls(df, df.stages())) {
            PackageManagers.Invocation inv = c.invocation();
            PackageManagers.Manager m = inv.manager();
            if (!(m == PackageManagers.Manager.YUM || m == PackageManagers.Manager.DNF
                    || m == PackageManagers.Manager.TDNF)) {
                continue;
            }
            PackageManagers.Action a = inv.action();
            boolean prompts = a == PackageManagers.Action.INSTALL || a == PackageManagers.Action.UPGRADE
                    || a == PackageManagers.Action.REMOVE;
            if (!prompts || assumesYes(inv) || Hygiene.fedByPipe(c) || seen.contains(c.run())
                    || Hygiene.configuredBefore(df, c.stage(), c.run(), CONFIG, null, "/etc/yum", "/etc/dnf",
                    "/etc/tdnf")) {
                continue;
            }
            seen.add(c.run());
            FixAttempt fix = CacheFixes.insertAfterProgram(c.run(), inv, "-y");
            String mgr = PackageManagers.base(inv.words().get(0).value());
            out.report(c.run().span(), fix.message("`" + CacheChain.shortText(inv) + "`"
                    + CacheChain.atLine(c.run(), c.command()) + " without `-y` asks \"Is this ok [y/N]\" and the build"
                    + " cannot answer: write `" + mgr + " -y " + inv.subcommand() + " …`"), fix.fix());
        }
    }

    private static boolean assumesYes(PackageManagers.Invocation inv) {
        if (inv.hasOption("-y", "--assumeyes", "--assumeno", "--downloadonly")) {
            return true;
        }
        for (PackageManagers.Option o : inv.options()) {
            if (o.name().equals("--setopt") && o.value() != null) {
                String v = o.value().toLowerCase(Locale.ROOT);
                if (v.startsWith("assumeyes=") && !v.endsWith("=0") && !v.endsWith("=false")) {
                    return true;
                }
            }
        }
        for (var w : inv.args()) {
            if (!w.literal() && w.value().startsWith("$")) {
                return true; // an option variable may hold -y
            }
        }
        return false;
    }
}
