package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.Config;
import io.jlint.engine.DiveCi;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.DiveFigures;
import io.jlint.image.ImageAnalysis;
import io.jlint.image.ImageModel;
import io.jlint.image.LayerInfo;
import java.util.Locale;

/**
 * The image's waste crosses a configured threshold: {@code image.lowestEfficiency}, {@code highestWastedBytes},
 * {@code highestUserWastedPercent} from {@code .jlint.yaml} (judged on jlint's exact figures), and the same keys
 * of a {@code .dive-ci} file (judged on dive's figures, exactly as {@code dive --ci} judges them, so a pipeline can
 * switch from dive without changing its thresholds). One finding per threshold crossed.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1601", name = "waste-above-threshold", category = Category.IMAGE_SIZE, severity = Severity.ERROR,
        summary = "The image's wasted bytes or efficiency cross a configured threshold (.jlint.yaml or .dive-ci)",
        equivalents = {})
public final class Jl1601WasteAboveThreshold implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        ImageAnalysis a = m.analysis();
        Config.ImageThresholds t = context.config().image();
        String fix = "; see the biggest wasted files (jlint image) and remove what a later layer deletes or "
                + "overwrites in the step that writes it";
        if (t != null) {
            if (t.lowestEfficiency() != null && a.efficiency() < t.lowestEfficiency()) {
                out.reportImage(null, null, "Efficiency " + ratio(a.efficiency()) + " is below image.lowestEfficiency "
                        + ratio(t.lowestEfficiency()) + " (" + Layers.human(a.wastedBytes()) + " of "
                        + Layers.human(a.fileBytes()) + " file bytes are wasted)" + fix);
            }
            if (t.highestWastedBytes() != null && a.wastedBytes() > t.highestWastedBytes()) {
                out.reportImage(null, null, Layers.human(a.wastedBytes()) + " (" + a.wastedBytes()
                        + " bytes) are wasted, more than image.highestWastedBytes " + t.highestWastedBytes() + fix);
            }
            Double user = userWasted(m);
            if (t.highestUserWastedPercent() != null && user != null && user > t.highestUserWastedPercent()) {
                out.reportImage(null, null, "Wasted bytes are " + ratio(user) + " of the file bytes the layers above"
                        + " the first add, more than image.highestUserWastedPercent "
                        + ratio(t.highestUserWastedPercent()) + fix);
            }
        }
        DiveCi d = m.diveCi();
        if (d != null) {
            DiveFigures f = a.dive();
            String src = " (" + d.file() + ", dive's figures)";
            if (d.lowestEfficiency() != null && f.efficiency() < d.lowestEfficiency()) {
                out.reportImage(null, null, "dive's efficiency " + f.efficiency() + " is below lowestEfficiency "
                        + d.lowestEfficiency() + src + fix);
            }
            if (d.highestWastedBytes() != null && f.wastedBytes() > d.highestWastedBytes()) {
                out.reportImage(null, null, "dive's wasted bytes " + f.wastedBytes() + " are above highestWastedBytes "
                        + d.highestWastedBytes() + src + fix);
            }
            double userPct = divePercent(f);
            if (d.highestUserWastedPercent() != null && userPct > d.highestUserWastedPercent()) {
                out.reportImage(null, null, "dive's wasted user percent " + (Double.isInfinite(userPct) ? "+Inf (no"
                        + " bytes above the first layer)" : String.valueOf(userPct)) + " is above"
                        + " highestUserWastedPercent " + d.highestUserWastedPercent() + src + fix);
            }
        }
    }

    /** dive's wasted-user ratio: +Inf when no bytes above the first layer hold waste, NaN when nothing at all. */
    static double divePercent(DiveFigures f) {
        if (f.wastedUserPercent() != null) {
            return f.wastedUserPercent();
        }
        return f.wastedBytes() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /** jlint's wasted bytes over the file bytes written by the layers above the first; null when they write none. */
    static Double userWasted(ImageModel m) {
        long user = 0;
        for (LayerInfo l : m.layers()) {
            if (l.index() > 0) {
                user += l.bytesAdded() + l.bytesChanged();
            }
        }
        return user == 0 ? null : (double) m.analysis().wastedBytes() / user;
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
