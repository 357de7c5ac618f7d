package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;

/** {@code COPY --from=X} inside stage X itself: a stage cannot copy from itself. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL804", name = "copy-from-own-stage", category = Category.CORRECTNESS, severity = Severity.ERROR,
        summary = "COPY --from (or RUN --mount from=) names the stage it is in",
        equivalents = {"hadolint:DL3023", "trivy:DS006"})
public final class Jl804CopyFromOwnStage implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (StageRefs.Ref r : StageRefs.all(df, vars)) {
            if (r.resolved() == null) {
                continue;
            }
            Stage target = StageRefs.anyStage(df, r.resolved());
            if (target == null || target.index() != r.stage().index()) {
                continue;
            }
            out.report(r.instruction().span(), r.what() + " names the stage this instruction is in, and a stage "
                    + "cannot read its own files this way (the build fails with a circular dependency); copy from "
                    + "an earlier stage, or use a plain COPY/RUN cp inside this stage");
        }
    }
}
