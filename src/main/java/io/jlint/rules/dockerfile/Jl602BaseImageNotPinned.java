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
import java.util.BitSet;

/**
 * The shipped image's base has a tag but no digest, in a Dockerfile that pins some other base image by digest: the
 * file shows a digest-pinning policy and this FROM breaks it. (Asking every Dockerfile for digests would flag nearly
 * all of them; the policy is the author's to choose.) Untagged and {@code :latest} bases are JL600/JL601 and not
 * repeated here; builder stages whose layers never reach the image are left alone.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL602", name = "base-image-not-pinned-by-digest", category = Category.BASE_IMAGE,
        severity = Severity.INFO,
        summary = "The built stage's base image is pinned by tag only while the file pins other bases by digest")
public final class Jl602BaseImageNotPinned implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df.stages().isEmpty()) {
            return;
        }
        Variables vars = Variables.of(df);
        String pinned = null;
        for (Stage stage : df.stages()) {
            BaseImageRef ref = BaseImageRef.of(df, vars, stage);
            if (ref != null && ref.digest() != null) {
                pinned = "line " + stage.from().line();
                break;
            }
        }
        if (pinned == null) {
            return;
        }
        BitSet shipped = df.layerStages(df.targetStage(ctx.config().target()));
        for (Stage stage : df.stages()) {
            if (!shipped.get(stage.index())) {
                continue;
            }
            BaseImageRef ref = BaseImageRef.of(df, vars, stage);
            if (ref == null || ref.digest() != null || ref.tag() == null || ref.tag().equals("latest")) {
                continue;
            }
            out.report(stage.from().span(), "FROM " + ref.written() + ref.argNote()
                    + " is pinned by tag only while this file pins by digest elsewhere (" + pinned + "); tags are "
                    + "re-pushed, so this base can change under the same Dockerfile; add the digest: "
                    + ref.resolved() + "@sha256:<digest>");
        }
    }
}
