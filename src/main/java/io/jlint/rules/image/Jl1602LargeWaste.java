package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.Config;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.ImageAnalysis;
import io.jlint.image.ImageModel;
import io.jlint.image.LayerInfo;
import io.jlint.image.WastedFile;

/**
 * A lot of waste although no threshold is configured: more than {@link #MIN_WASTE} bytes and more than
 * {@link #MIN_FRACTION} of all file bytes are stored in layers but not in the final filesystem. Reported at each
 * layer that holds at least {@link #MIN_LAYER_WASTE} of it, with its biggest wasted file. Quiet when
 * {@code .jlint.yaml} or a {@code .dive-ci} sets thresholds (JL1601 judges then).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1602", name = "large-waste", category = Category.IMAGE_SIZE, severity = Severity.INFO,
        summary = "Layers store more than 10 MiB (and 10 % of the file bytes) that the final filesystem does not have",
        equivalents = {})
public final class Jl1602LargeWaste implements Rule<ImageModel> {

    static final long MIN_WASTE = 10L << 20;
    static final double MIN_FRACTION = 0.10;
    static final long MIN_LAYER_WASTE = 1L << 20;

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        Config.ImageThresholds t = context.config().image();
        boolean configured = m.diveCi() != null || (t != null && (t.lowestEfficiency() != null
                || t.highestWastedBytes() != null || t.highestUserWastedPercent() != null));
        ImageAnalysis a = m.analysis();
        if (configured || a.wastedBytes() <= MIN_WASTE || a.wastedBytes() <= MIN_FRACTION * a.fileBytes()) {
            return;
        }
        String total = Layers.human(a.wastedBytes()) + " wasted in all (" + Layers.percent(1 - a.efficiency())
                + " of the file bytes)";
        boolean any = false;
        for (LayerInfo l : a.layers()) {
            if (l.wastedBytes() < MIN_LAYER_WASTE) {
                continue;
            }
            WastedFile biggest = null;
            for (WastedFile w : a.wastedFiles()) {
                if (w.layer() == l.index()) {
                    biggest = w;
                    break;
                }
            }
            String example = biggest == null ? "" : "; the biggest is " + biggest.path() + " ("
                    + Layers.human(biggest.size()) + (biggest.removedBy() == biggest.layer()
                    ? ", written twice in this layer)" : ", gone in layer " + biggest.removedBy() + ")");
            out.reportImage(l.index(), null, Layers.step(m, l.index()) + " stores " + Layers.human(l.wastedBytes())
                    + " that later layers delete or overwrite" + example + "; " + total + ". Remove such files in the"
                    + " step that writes them, or set thresholds (image: in .jlint.yaml, or .dive-ci) to accept it");
            any = true;
        }
        if (!any) {
            out.reportImage(null, null, "Many small files are wasted: " + total + "; see the biggest wasted files"
                    + " (jlint image) and remove them in the steps that write them");
        }
    }
}
