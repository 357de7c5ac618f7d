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
 * {@code COPY --from=NAME} where NAME is no stage but nearly the name of one: a typo, which BuildKit turns into a
 * pull of an image called NAME. Plain names that resemble no stage are left alone (they may be images such as
 * {@code busybox} or named build contexts).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL803", name = "copy-from-unknown-stage", category = Category.CORRECTNESS,
        severity = Severity.WARNING,
        summary = "COPY --from names no stage but is a near-miss of a stage name (likely a typo)",
        equivalents = {"hadolint:DL3022"})
public final class Jl803CopyFromUnknownStage implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (StageRefs.Ref r : StageRefs.all(df, vars)) {
            String ref = r.resolved();
            if (ref == null || !StageRefs.plainName(ref) || ref.chars().allMatch(Character::isDigit)
                    || StageRefs.anyStage(df, ref) != null) {
                continue;
            }
            Stage best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Stage s : df.stages()) {
                if (s.name() == null || s.index() >= r.stage().index()) {
                    continue;
                }
                int d = StageRefs.distance(ref, s.name());
                if (d < bestDistance) {
                    best = s;
                    bestDistance = d;
                }
            }
            if (best == null) {
                continue;
            }
            int allowed = Math.min(ref.length(), best.name().length()) >= 8 ? 2 : 1;
            if (bestDistance == 0 || bestDistance > allowed || Math.min(ref.length(), best.name().length()) < 4) {
                continue;
            }
            out.report(r.instruction().span(), r.what() + " names no stage of this Dockerfile, so the build tries "
                    + "to pull an image called " + ref + "; did you mean stage " + StageRefs.describe(best)
                    + "? Write --from=" + best.name());
        }
    }
}
