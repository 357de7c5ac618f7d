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
import java.util.List;
import java.util.Locale;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code apt-get install} (also reinstall, build-dep, upgrade, dist-upgrade; and {@code apt}) without
 * {@code -y}/{@code --yes}/{@code --assume-yes}: apt asks "Do you want to continue?" whenever it installs more
 * than it was told to, and a build has no terminal to answer. Quiet level 2 ({@code -qq}) implies {@code -y}, as
 * apt-get's manual says; {@code -o APT::Get::Assume-Yes=true}, an earlier apt configuration mentioning Assume-Yes,
 * and input piped from {@code yes} count as well. The fix adds {@code -y} after the subcommand.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL851", name = "apt-get-missing-yes", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "apt-get install without -y stops the build at the confirmation prompt",
        fixable = true,
        equivalents = {"hadolint:DL3014", "trivy:DS021"})
public final class Jl851AptGetMissingYes implements Rule<Dockerfile> {

    /** An apt configuration line: {@code APT::Get::Assume-Yes "true";} (not the --assume-yes flag). */
    private static final java.util.regex.Pattern CONFIG = java.util.regex.Pattern.compile(
            "(?i)::Assume-Yes[\"\\s=]");

    private static final Set<String> PROMPTING = Set.of("install", "reinstall", "build-dep", "upgrade",
            "dist-upgrade", "full-upgrade");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Hygiene.Call c : Hygiene.calls(df, df.stages())) {
            PackageManagers.Invocation inv = c.invocation();
            if (!(inv.manager() == PackageManagers.Manager.APT_GET || inv.manager() == PackageManagers.Manager.APT)
                    || !PROMPTING.contains(inv.subcommand()) || assumesYes(inv) || Hygiene.fedByPipe(c)
                    || !literalArgs(inv) || seen.contains(c.run())
                    || Hygiene.configuredBefore(df, c.stage(), c.run(), CONFIG, "APT_CONFIG", "/etc/apt")) {
                continue;
            }
            seen.add(c.run());
            FixAttempt fix = CacheFixes.insertOption(c.run(), List.of(inv), "-y");
            out.report(c.run().span(), fix.message("`" + CacheChain.shortText(inv) + "`"
                    + CacheChain.atLine(c.run(), c.command()) + " without `-y` asks for confirmation when it needs"
                    + " more packages than named, and a build cannot answer (apt aborts): add `-y`"), fix.fix());
        }
    }

    static boolean assumesYes(PackageManagers.Invocation inv) {
        if (inv.hasOption("-y", "--yes", "--assume-yes", "--force-yes", "-s", "--simulate", "--dry-run",
                "--just-print", "--no-act", "--recon", "--trivial-only", "--assume-no")) {
            return true;
        }
        int quiet = 0;
        for (PackageManagers.Option o : inv.options()) {
            if (o.name().equals("-q") || o.name().equals("--quiet")) {
                if (o.value() != null && o.value().matches("\\d+")) {
                    quiet = Math.max(quiet, Integer.parseInt(o.value()));
                } else {
                    quiet++;
                }
            }
            if ((o.name().equals("-o") || o.name().equals("--option")) && o.value() != null) {
                String v = o.value().toLowerCase(Locale.ROOT).replace(" ", "");
                if (v.contains("assume-yes=") && !v.endsWith("=false") && !v.endsWith("=0")
                        && !v.endsWith("=no")) {
                    return true;
                }
            }
        }
        return quiet >= 2;
    }

    static boolean literalArgs(PackageManagers.Invocation inv) {
        // an unquoted variable may hold options ("apt-get install $APT_OPTS pkg"): say nothing then
        for (var w : inv.args()) {
            if (!w.literal() && !w.raw().startsWith("\"") && !w.raw().startsWith("'") && w.value().startsWith("$")) {
                return false;
            }
        }
        return true;
    }
}
