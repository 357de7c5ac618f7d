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

/** {@code MAINTAINER} is deprecated: the authors belong in the {@code org.opencontainers.image.authors} label. */
@AutoService(Rule.class)
@RuleInfo(id = "JL901", name = "maintainer-deprecated", category = Category.MAINTAINABILITY,
        severity = Severity.WARNING,
        summary = "MAINTAINER is deprecated: name the authors in LABEL org.opencontainers.image.authors",
        equivalents = {"hadolint:DL4000", "buildkit:MaintainerDeprecated"})
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
                String label = "LABEL org.opencontainers.image.authors=\""
                        + who.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                out.report(m.span(), "MAINTAINER is deprecated; write " + label + " instead");
            }
        }
    }
}
