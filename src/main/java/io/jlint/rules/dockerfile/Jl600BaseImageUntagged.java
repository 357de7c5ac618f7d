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

/** FROM an image without tag or digest: the build follows whatever {@code :latest} is that day. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL600", name = "base-image-untagged", category = Category.BASE_IMAGE, severity = Severity.WARNING,
        summary = "FROM names an image without a tag or digest, so every build may start from a different base",
        equivalents = {"hadolint:DL3006", "trivy:DS001"})
public final class Jl600BaseImageUntagged implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Stage stage : df.stages()) {
            BaseImageRef ref = BaseImageRef.of(df, vars, stage);
            if (ref == null || ref.tag() != null || ref.digest() != null) {
                continue;
            }
            out.report(stage.from().span(), "FROM " + ref.written() + ref.argNote()
                    + " has no tag, so it pulls whatever " + ref.displayName()
                    + ":latest is on the day of the build and two builds may differ; pin a tag such as "
                    + ref.displayName() + ":<version> (or a digest)");
        }
    }
}
