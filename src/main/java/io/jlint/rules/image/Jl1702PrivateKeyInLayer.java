package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageModel;
import io.jlint.image.SniffedFile;

/**
 * A file in a layer holds a PEM private key (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted or not, PGP), found by its
 * content (files up to 64 KiB; a key header needs a key body after it, so documentation quoting the header lines is
 * not a key). Every layer counts, also a version that a later layer deletes: its bytes are still in the image.
 * Keys inside third-party packages, toolchains and test data ({@code node_modules}, {@code site-packages}, Go's
 * source tree, {@code test/}, {@code fixtures/}, Debian's {@code ssl-cert-snakeoil.key}) are not reported.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1702", name = "private-key-in-layer", category = Category.SECURITY, severity = Severity.ERROR,
        summary = "A layer contains a private key",
        equivalents = {"dockle:CIS-DI-0010"})
public final class Jl1702PrivateKeyInLayer implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (SniffedFile f : m.sniffed()) {
            if (f.keyType() == null || Layers.foreignOrSample(f.path())) {
                continue;
            }
            FileEntry now = m.tree().find(f.path());
            String gone = now == null || now.layer() != f.layer()
                    ? " (a later layer deletes or replaces it, but this layer still ships it)" : "";
            String kind = f.keyType().contains("ENCRYPTED") ? "an encrypted private key (" + f.keyType() + ")"
                    : "a private key (" + f.keyType() + ")";
            out.reportImage(f.layer(), f.path(), Layers.step(m, f.layer()) + " adds " + kind + gone + ": anyone who"
                    + " can pull the image can extract it; keep keys out of the build context (.dockerignore), mount"
                    + " them at run time, or use a BuildKit secret mount when the build needs them");
        }
    }
}
