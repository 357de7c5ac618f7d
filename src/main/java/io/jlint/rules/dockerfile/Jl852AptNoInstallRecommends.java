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
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code apt-get install} / {@code apt install} without {@code --no-install-recommends} in a stage whose layers
 * reach the image (builder stages are not reported: their packages never ship).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL852", name = "apt-install-recommends", category = Category.IMAGE_SIZE, severity = Severity.INFO,
        summary = "apt-get install without --no-install-recommends also installs recommended packages",
        fixable = true,
        equivalents = {"hadolint:DL3015", "trivy:DS029"})
public final class Jl852AptNoInstallRecommends implements Rule<Dockerfile> {

    /** An apt configuration line: {@code APT::Install-Recommends "false";} (not the command-line flag). */
    private static final java.util.regex.Pattern CONFIG = java.util.regex.Pattern.compile(
            "(?i)::Install-Recommends[\"\\s=]");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df.stages().isEmpty()) {
            return;
        }
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String target = ctx == null || ctx.config() == null ? null : ctx.config().target();
        for (Hygiene.Call c : Hygiene.calls(df, RunFacts.layerChain(df, target))) {
            PackageManagers.Invocation inv = c.invocation();
            if (!(inv.manager() == PackageManagers.Manager.APT_GET || inv.manager() == PackageManagers.Manager.APT)
                    || !(inv.subcommand().equals("install") || inv.subcommand().equals("build-dep"))
                    || inv.operands().isEmpty() || noRecommends(inv) || seen.contains(c.run())
                    || !Jl851AptGetMissingYes.literalArgs(inv)
                    || Hygiene.configuredBefore(df, c.stage(), c.run(), CONFIG, "APT_CONFIG", "/etc/apt")) {
                continue;
            }
            seen.add(c.run());
            FixAttempt fix = CacheFixes.insertOption(c.run(), List.of(inv), "--no-install-recommends");
            out.report(c.run().span(), fix.message("`" + CacheChain.shortText(inv) + "`"
                    + CacheChain.atLine(c.run(), c.command()) + " also installs every package the named ones merely"
                    + " recommend: add `--no-install-recommends` and name what you need"), fix.fix());
        }
    }

    private static boolean noRecommends(PackageManagers.Invocation inv) {
        if (inv.hasOption("--no-install-recommends")) {
            return true;
        }
        for (PackageManagers.Option o : inv.options()) {
            if ((o.name().equals("-o") || o.name().equals("--option")) && o.value() != null) {
                String v = o.value().toLowerCase(Locale.ROOT).replace(" ", "");
                if (v.contains("install-recommends=") && (v.endsWith("=false") || v.endsWith("=0")
                        || v.endsWith("=no"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
