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

/** FROM image:latest without a digest: a moving target. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL601", name = "base-image-latest", category = Category.BASE_IMAGE, severity = Severity.WARNING,
        summary = "FROM uses the :latest tag, which moves, so every build may start from a different base",
        equivalents = {"hadolint:DL3007", "trivy:DS001"})
public final class Jl601BaseImageLatest implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Stage stage : df.stages()) {
            BaseImageRef ref = BaseImageRef.of(df, vars, stage);
            if (ref == null || ref.digest() != null || !"latest".equals(ref.tag())) {
                continue;
            }
            out.report(stage.from().span(), "FROM " + ref.written() + ref.argNote()
                    + " uses :latest, which points at a new image whenever one is pushed, so builds are not "
                    + "repeatable; pin a version tag such as " + ref.displayName() + ":<version> (or a digest)");
        }
    }
}
