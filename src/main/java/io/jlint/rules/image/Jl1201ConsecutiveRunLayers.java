package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.BuildHistory;
import io.jlint.image.ImageModel;

/**
 * Two layers of the image's own build made by consecutive RUN steps (adjacent history entries, nothing in
 * between) where one would do: both short (at most two commands each, a compound command counting one more), or
 * the first only refreshing a package index. The same judgement as the Dockerfile rule JL201, from the history.
 * A layer that only deletes what an earlier layer wrote is JL1202's.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1201", name = "consecutive-run-layers", category = Category.UNMERGED_RUN, severity = Severity.INFO,
        summary = "Consecutive short RUN steps made a layer each where one would do",
        equivalents = {"hadolint:DL3059"})
public final class Jl1201ConsecutiveRunLayers implements Rule<ImageModel> {

    /** Scripts with more commands than this are deliberate cache boundaries. */
    static final int SHORT = 2;

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        BuildHistory h = m.history();
        for (int i = h.firstUserLayer() + 1; i < h.layers(); i++) {
            BuildHistory.Step prev = h.layer(i - 1);
            BuildHistory.Step cur = h.layer(i);
            if (!Layers.isShellRun(m, i - 1) || !Layers.isShellRun(m, i) || prev.index() < 0
                    || cur.index() != prev.index() + 1 || deletionOnly(m, i)) {
                continue;
            }
            ShellScript a = Scripts.parse(prev.script());
            ShellScript b = Scripts.parse(cur.script());
            if (!a.complete() || !b.complete()) {
                continue;
            }
            boolean update = Scripts.onlyIndexUpdate(a);
            if (!update && (Scripts.size(a) > SHORT || Scripts.size(b) > SHORT)) {
                continue;
            }
            String why = update
                    ? "a package index refreshed in its own layer goes stale in the build cache and its files can no"
                    + " longer be removed where they were written"
                    : "two layers where one would do";
            out.reportImage(i, null, Layers.step(m, i) + " directly follows " + Layers.step(m, i - 1)
                    + " (layer " + (i - 1) + "): " + why + "; join them into one RUN with &&");
        }
    }

    /** JL1202 reports a layer that only deletes what the build's earlier layers wrote. */
    private static boolean deletionOnly(ImageModel m, int i) {
        if (!Layers.onlyDeletes(m, i)) {
            return false;
        }
        for (int writer : Layers.removedBy(m, i).keySet()) {
            if (m.history().isUserLayer(writer)) {
                return true;
            }
        }
        return false;
    }
}
