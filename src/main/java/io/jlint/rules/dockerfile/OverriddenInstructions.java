package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.FindingSink;
import io.jlint.engine.RuleContext;
import java.util.BitSet;

/**
 * JL503 and JL504: in every stage whose configuration reaches the built image, each instruction of one kind that a
 * later one of the same kind in the same stage overrides (CMD, ENTRYPOINT: only the last counts).
 */
final class OverriddenInstructions {
    private OverriddenInstructions() {
    }

    static void report(Dockerfile df, RuleContext ctx, FindingSink out, Class<? extends Instruction> kind,
                       String keyword) {
        if (df == null || df.stages().isEmpty()) {
            return;
        }
        BitSet layers = df.layerStages(df.targetStage(ctx.config().target()));
        for (Stage s : df.stages()) {
            if (!layers.get(s.index())) {
                continue;
            }
            Instruction previous = null;
            for (Instruction in : s.instructions()) {
                if (kind.isInstance(in)) {
                    if (previous != null) {
                        out.report(previous.span(), "This " + keyword + " never takes effect: the " + keyword
                                + " on line " + in.line() + " of the same stage overrides it (only the last "
                                + keyword + " counts); keep a single " + keyword);
                    }
                    previous = in;
                }
            }
        }
    }
}
