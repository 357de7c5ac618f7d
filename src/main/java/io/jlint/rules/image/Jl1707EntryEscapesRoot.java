package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.ImageModel;
import io.jlint.image.UnsafeEntry;

/**
 * A layer entry whose name climbs above the root ({@code ../etc/passwd}) or a hard link to such a path: a tool that
 * unpacks the layer naively writes outside its target folder (the "tar slip" attack). jlint never applies such
 * entries; container engines refuse or clamp them. No normal build produces them.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1707", name = "entry-escapes-root", category = Category.SECURITY, severity = Severity.ERROR,
        summary = "A layer entry or hard link points above the image's root (../)",
        equivalents = {})
public final class Jl1707EntryEscapesRoot implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (UnsafeEntry u : m.analysis().unsafeEntries()) {
            switch (u.kind()) {
                case PATH_ESCAPES -> out.reportImage(u.layer(), u.name(), "The tar entry " + u.name() + " climbs above"
                        + " the image's root: unpacking the layer naively writes outside the target folder; the"
                        + " archive was not made by a normal build, so rebuild the image from trusted sources");
                case HARDLINK_ESCAPES -> out.reportImage(u.layer(), Layers.absolute(u.name()), "The hard link "
                        + Layers.absolute(u.name()) + " points to "
                        + u.detail() + ", above the image's root: unpacking the layer naively links to a file outside"
                        + " the target folder; rebuild the image from trusted sources");
                default -> {
                }
            }
        }
    }
}
