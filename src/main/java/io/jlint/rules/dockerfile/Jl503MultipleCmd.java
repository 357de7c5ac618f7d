package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.dockerfile.model.Instruction;

/**
 * More than one CMD in a stage whose configuration reaches the built image: only the last one takes effect, so the
 * earlier ones are dead code that misleads readers. Reported on every CMD but the last (the ones that are
 * overridden, as BuildKit's MultipleInstructionsDisallowed does).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL503", name = "multiple-cmd", category = Category.ENTRYPOINT_CMD, severity = Severity.WARNING,
        summary = "A stage has more than one CMD; only the last one takes effect",
        equivalents = {"hadolint:DL4003", "buildkit:MultipleInstructionsDisallowed"})
public final class Jl503MultipleCmd implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        OverriddenInstructions.report(df, ctx, out, Instruction.Cmd.class, "CMD");
    }
}
