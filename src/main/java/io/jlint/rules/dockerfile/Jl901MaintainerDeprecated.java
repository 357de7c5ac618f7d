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
import io.jlint.fix.Edits;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import java.util.List;

/** {@code MAINTAINER} is deprecated: the authors belong in the {@code org.opencontainers.image.authors} label. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL901", name = "maintainer-deprecated", category = Category.MAINTAINABILITY,
        severity = Severity.WARNING,
        summary = "MAINTAINER is deprecated: name the authors in LABEL org.opencontainers.image.authors",
        fixable = true, equivalents = {"hadolint:DL4000", "buildkit:MaintainerDeprecated"})
public final class Jl901MaintainerDeprecated implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext context, FindingSink out) {
        for (Instruction in : df.instructions()) {
            if (in instanceof Instruction.Maintainer m) {
                String who = m.maintainer() == null ? "" : m.maintainer().strip();
                String label = "LABEL org.opencontainers.image.authors=" + Edits.labelValue(who, df.escape());
                FixAttempt fix = fix(df, m, who);
                out.report(m.span(), fix.message("MAINTAINER is deprecated; write " + label + " instead"), fix.fix());
            }
        }
    }

    /** The whole instruction replaced by the label, keyword in the case MAINTAINER was written in. */
    private static FixAttempt fix(Dockerfile df, Instruction.Maintainer m, String who) {
        if (m.span().startLine() != m.span().endLine()) {
            return FixAttempt.refused("it is written over several lines");
        }
        if (who.isEmpty()) {
            return FixAttempt.refused("it names nobody");
        }
        String kw = m.node().keyword();
        String label = (kw.equals(kw.toLowerCase(java.util.Locale.ROOT)) ? "label" : "LABEL")
                + " org.opencontainers.image.authors=" + Edits.labelValue(who, df.escape());
        return FixAttempt.of(new Fix("write " + label, List.of(Edits.replace(m.span(), label))));
    }
}
