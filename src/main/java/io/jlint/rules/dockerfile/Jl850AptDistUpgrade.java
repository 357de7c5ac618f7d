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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code apt-get dist-upgrade} / {@code full-upgrade} in a RUN. A plain {@code apt-get upgrade} is not reported:
 * pulling security fixes into an image is a legitimate choice.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL850", name = "apt-dist-upgrade", category = Category.MAINTAINABILITY, severity = Severity.INFO,
        summary = "apt-get dist-upgrade/full-upgrade in a RUN: use a newer base image instead",
        equivalents = {"hadolint:DL3005", "trivy:DS024"})
public final class Jl850AptDistUpgrade implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Set<Instruction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Hygiene.Call c : Hygiene.calls(df, df.stages())) {
            String sub = c.invocation().subcommand();
            if (c.invocation().manager().apt() && (sub.equals("dist-upgrade") || sub.equals("full-upgrade"))
                    && seen.add(c.run())) {
                out.report(c.run().span(), "`" + CacheChain.shortText(c.invocation()) + "`"
                        + CacheChain.atLine(c.run(), c.command()) + " may install, replace and remove packages"
                        + " the base image's maintainers chose, differently on every build: build from a newer base"
                        + " image tag instead (or use `apt-get upgrade` for security fixes only)");
            }
        }
    }
}
