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
import java.util.BitSet;

/**
 * {@code sudo} in a RUN of a stage whose layers reach the built image: builds already run as the USER in effect,
 * and sudo left in an image is a privilege-escalation path. Reported on the RUN.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL402", name = "sudo-in-run", category = Category.ROOT_USER, severity = Severity.WARNING,
        summary = "sudo is used in a RUN instruction",
        equivalents = {"hadolint:DL3004"})
public final class Jl402Sudo implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df == null || df.stages().isEmpty()) {
            return;
        }
        BitSet layers = df.layerStages(df.targetStage(ctx.config().target()));
        for (Stage s : df.stages()) {
            if (!layers.get(s.index())) {
                continue;
            }
            for (Instruction in : s.instructions()) {
                if (!(in instanceof Instruction.Run run) || run.command() == null
                        || !run.command().execForm() && !run.command().posixShell()) {
                    continue;
                }
                for (Argv a : Argv.of(run)) {
                    if (a.program().equals("sudo") || a.wrappers().contains("sudo")) {
                        out.report(run.span(), "sudo in a RUN: build steps already run as the current USER, and sudo"
                                + " behaves unpredictably without a TTY; switch with USER root before this RUN and back"
                                + " to the unprivileged USER after it");
                        break;
                    }
                }
            }
        }
    }
}
