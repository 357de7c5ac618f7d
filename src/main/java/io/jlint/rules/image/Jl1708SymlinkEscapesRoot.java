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
 * A symlink whose relative target climbs above the root ({@code a/b -> ../../../etc/shadow}). Inside the
 * container the kernel stops at {@code /}, but tools that extract or copy the image's files on the host (a naive
 * {@code tar x}, scanners, {@code docker cp} of old) may follow it out of their target folder. jlint records such
 * links and never follows them. Absolute targets ({@code /etc/x}) are ordinary and not reported.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1708", name = "symlink-escapes-root", category = Category.SECURITY, severity = Severity.WARNING,
        summary = "A symlink's relative target climbs above the image's root (../)",
        equivalents = {})
public final class Jl1708SymlinkEscapesRoot implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (UnsafeEntry u : m.analysis().unsafeEntries()) {
            if (u.kind() == UnsafeEntry.Kind.SYMLINK_ESCAPES) {
                out.reportImage(u.layer(), Layers.absolute(u.name()), "The symlink " + Layers.absolute(u.name()) + " -> " + u.detail() + " climbs above"
                        + " the image's root: tools that unpack or copy the image on a host may follow it out of"
                        + " their folder; point it at the absolute path inside the image instead");
            }
        }
    }
}
