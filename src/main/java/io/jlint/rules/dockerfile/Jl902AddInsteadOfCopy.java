package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.Set;

/** ADD of local files and directories only, where COPY does the same without ADD's extra behaviours. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL902", name = "add-instead-of-copy", category = Category.MAINTAINABILITY,
        severity = Severity.WARNING,
        summary = "ADD copies only local files or directories here, which COPY does without ADD's hidden unpacking",
        equivalents = {"hadolint:DL3020", "trivy:DS005"})
public final class Jl902AddInsteadOfCopy implements Rule<Dockerfile> {

    /** Flags only ADD has: with any of them, ADD is there on purpose. */
    private static final Set<String> ADD_ONLY_FLAGS = Set.of("checksum", "keep-git-dir", "unpack");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Add add) || add.sources().isEmpty()) {
                continue;
            }
            boolean addOnly = false;
            for (Flag f : add.flags()) {
                if (ADD_ONLY_FLAGS.contains(f.name().toLowerCase(java.util.Locale.ROOT))) {
                    addOnly = true;
                }
            }
            if (addOnly) {
                continue;
            }
            Variables.Scope scope = vars.at(add);
            boolean allLocal = true;
            for (String src : add.sources()) {
                if (AddSources.isHeredocSource(add, src)) {
                    continue;
                }
                if (AddSources.classify(src, scope) != AddSources.Kind.LOCAL) {
                    allLocal = false;
                    break;
                }
            }
            if (allLocal) {
                out.report(add.span(), "ADD only copies local files here, which is what COPY does; ADD also fetches "
                        + "URLs and unpacks tar archives, so readers must check which it does, and a tar file added "
                        + "later would be unpacked by surprise; write COPY instead");
            }
        }
    }
}
