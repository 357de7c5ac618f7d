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
import java.util.List;
import java.util.Locale;

/**
 * COPY/ADD with several sources whose destination does not end in {@code /}: the classic builder rejects it, and
 * BuildKit copies every source onto the same path.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL813", name = "copy-sources-to-file", category = Category.CORRECTNESS, severity = Severity.ERROR,
        summary = "COPY or ADD has several sources but its destination does not end with /",
        equivalents = {"hadolint:DL3021", "trivy:DS011"})
public final class Jl813CopyMultipleSourcesToFile implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Instruction in : df.instructions()) {
            List<String> sources;
            String dest;
            if (in instanceof Instruction.Copy c) {
                sources = c.sources();
                dest = c.destination();
            } else if (in instanceof Instruction.Add a) {
                sources = a.sources();
                dest = a.destination();
            } else {
                continue;
            }
            if (sources.size() < 2 || dest == null || in.flag("parents").isPresent()) {
                continue;
            }
            String d = vars.at(in).resolve(dest);
            if (d == null || isDirectory(d)) {
                continue;
            }
            String kw = in.node().keyword().toUpperCase(Locale.ROOT);
            out.report(in.span(), kw + " has " + sources.size() + " sources but its destination " + dest
                    + " does not end with /, so it is a file path: the classic builder refuses this and BuildKit "
                    + "writes every source onto that one path; write " + d + "/");
        }
    }

    private static boolean isDirectory(String d) {
        String t = d.trim();
        return t.endsWith("/") || t.endsWith("\\") || t.equals(".") || t.equals("..") || t.endsWith("/.")
                || t.endsWith("/..") || t.isEmpty();
    }
}
