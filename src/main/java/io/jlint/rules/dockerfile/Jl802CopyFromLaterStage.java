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

/**
 * {@code COPY --from=NAME} where NAME is a stage defined further down. BuildKit resolves such forward references
 * (it only rejects cycles), but the classic builder and other tools look for an image called NAME instead, and
 * readers expect a stage below the stages it uses.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL802", name = "copy-from-later-stage", category = Category.CORRECTNESS, severity = Severity.INFO,
        summary = "COPY --from (or RUN --mount from=) names a stage that is only defined later in the file",
        equivalents = {"hadolint:DL3022"})
public final class Jl802CopyFromLaterStage implements Rule<Dockerfile> {

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
            if (target == null || target.index() <= r.stage().index()) {
                continue;
            }
            out.report(r.instruction().span(), r.what() + " refers to stage " + StageRefs.describe(target)
                    + ", which is defined below this one: BuildKit follows the reference, but the classic builder "
                    + "(and tools that read stages in order) look for an image named " + r.resolved()
                    + " instead; move that stage above the stages that use it");
        }
    }
}
