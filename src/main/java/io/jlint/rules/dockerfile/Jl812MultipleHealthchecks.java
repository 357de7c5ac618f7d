package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;

/** Several HEALTHCHECKs in one stage: only the last one counts, the earlier ones are dead code. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL812", name = "multiple-healthchecks", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "A stage has several HEALTHCHECK instructions; only the last one takes effect",
        equivalents = {"hadolint:DL3012", "trivy:DS023"})
public final class Jl812MultipleHealthchecks implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Stage stage : df.stages()) {
            List<Instruction.Healthcheck> all = stage.all(Instruction.Healthcheck.class);
            if (all.size() < 2) {
                continue;
            }
            Instruction.Healthcheck last = all.get(all.size() - 1);
            for (int i = 0; i < all.size() - 1; i++) {
                out.report(all.get(i).span(), "this HEALTHCHECK is replaced by the one on line " + last.line()
                        + " in the same stage, so it never runs; keep only the HEALTHCHECK you mean");
            }
        }
    }
}
