package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;

/** {@code ADD https://…} without {@code --checksum}: an unverified download baked into a layer. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL700", name = "add-url-without-checksum", category = Category.SECURITY, severity = Severity.WARNING,
        summary = "ADD downloads a URL without --checksum, so a changed or tampered file goes into the image unnoticed")
public final class Jl700AddRemoteWithoutChecksum implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Add add) || add.flag("checksum").isPresent()) {
                continue;
            }
            Variables.Scope scope = vars.at(add);
            for (String src : add.sources()) {
                if (AddSources.isHeredocSource(add, src)) {
                    continue;
                }
                if (AddSources.classify(src, scope) == AddSources.Kind.URL) {
                    out.report(add.span(), "ADD " + src + " downloads a file without verifying it: if the server "
                            + "serves a different or tampered file the build takes it silently; add "
                            + "--checksum=sha256:<hash> to the ADD (Dockerfile syntax 1.6+), or download it in a RUN "
                            + "and check it with sha256sum -c");
                    break;
                }
            }
        }
    }
}
