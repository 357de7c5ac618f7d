package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.BuildHistory;
import io.jlint.image.ImageModel;
import java.util.Map;
import java.util.TreeMap;

/**
 * A RUN layer of the image's own build that only deletes (whiteouts, plus the directories they sit in) files that
 * earlier layers of the same build wrote: the deleted bytes stay in those layers, and the deleting layer is one more.
 * Deleting files of the base image is not reported (nothing to merge with).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1202", name = "deletion-only-layer", category = Category.UNMERGED_RUN, severity = Severity.WARNING,
        summary = "A layer only deletes files that an earlier layer wrote: the bytes stay in the earlier layer",
        equivalents = {})
public final class Jl1202DeletionOnlyLayer implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (int i = m.history().firstUserLayer(); i < m.layers().size(); i++) {
            if (m.history().layer(i).kind() != BuildHistory.Kind.RUN || !Layers.onlyDeletes(m, i)) {
                continue;
            }
            TreeMap<Integer, Long> by = Layers.removedBy(m, i);
            long user = 0;
            StringBuilder from = new StringBuilder();
            for (Map.Entry<Integer, Long> e : by.entrySet()) {
                if (m.history().isUserLayer(e.getKey())) {
                    user += e.getValue();
                    from.append(from.length() == 0 ? "" : ", ").append(Layers.human(e.getValue()))
                            .append(" from layer ").append(e.getKey());
                }
            }
            if (user == 0) {
                continue;
            }
            int first = by.keySet().stream().filter(m.history()::isUserLayer).findFirst().orElse(i);
            out.reportImage(i, null, Layers.step(m, i) + " only deletes files that earlier layers wrote (" + from
                    + "; layer " + first + ": " + Layers.step(m, first) + "): the bytes stay in those layers and"
                    + " this layer adds one more; delete the files in the same RUN that creates them, or make them"
                    + " in a separate build stage and copy only the result");
        }
    }
}
