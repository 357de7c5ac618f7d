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
import io.jlint.rules.dockerfile.support.PackageManagers;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** {@code apt} (the interactive front end) used in a RUN instead of {@code apt-get}/{@code apt-cache}. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL853", name = "apt-in-scripts", category = Category.MAINTAINABILITY, severity = Severity.WARNING,
        summary = "apt is for interactive use and has no stable command line: use apt-get in a RUN",
        equivalents = {"hadolint:DL3027"})
public final class Jl853AptInScripts implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Hygiene.Call c : Hygiene.calls(df, df.stages())) {
            PackageManagers.Invocation inv = c.invocation();
            if (inv.manager() != PackageManagers.Manager.APT || inv.subcommand().isEmpty() || !seen.add(c.run())) {
                continue;
            }
            String sub = inv.subcommand();
            boolean query = sub.equals("search") || sub.equals("show") || sub.equals("list")
                    || sub.equals("policy") || sub.equals("depends") || sub.equals("rdepends");
            out.report(c.run().span(), "`apt " + sub + "`" + CacheChain.atLine(c.run(), c.command())
                    + " uses apt, the interactive front end, whose output and options may change between releases"
                    + " (it warns so itself): use `" + (query ? "apt-cache " : "apt-get ") + sub + "`"
                    + (sub.equals("install") ? " with `-y`" : ""));
        }
    }
}
