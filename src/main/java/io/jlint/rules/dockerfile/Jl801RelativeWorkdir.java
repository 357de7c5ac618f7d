package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;

/**
 * A relative WORKDIR before any absolute one in the stage (or the stage it is built from): it resolves against the
 * base image's working directory, which the Dockerfile does not control.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL801", name = "relative-workdir", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "WORKDIR is relative while no absolute WORKDIR was set, so it depends on the base image's",
        equivalents = {"hadolint:DL3000", "buildkit:WorkdirRelativePath", "trivy:DS009"})
public final class Jl801RelativeWorkdir implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        boolean[] absoluteSet = new boolean[df.stages().size()];
        for (Stage stage : df.stages()) {
            boolean set = stage.baseStage() >= 0 && stage.baseStage() < stage.index() && absoluteSet[stage.baseStage()];
            for (Instruction in : stage.instructions()) {
                if (!(in instanceof Instruction.Workdir wd) || wd.path() == null) {
                    continue;
                }
                if (set) {
                    continue;
                }
                String raw = wd.path().trim();
                String path = vars.at(wd).resolve(raw);
                if (path == null) {
                    // an unknown value may well be absolute: say less, here and for later relative WORKDIRs
                    set = true;
                    continue;
                }
                if (isAbsolute(path)) {
                    set = true;
                    continue;
                }
                set = true;
                out.report(wd.span(), "WORKDIR " + raw + " is relative and no absolute WORKDIR was set before in this "
                        + "stage, so it lands inside whatever working directory the base image happens to have; "
                        + "write the absolute path, e.g. WORKDIR /" + stripDot(path));
            }
            absoluteSet[stage.index()] = set;
        }
    }

    /** Unix absolute, or Windows: drive letter, or a leading back/forward slash. */
    static boolean isAbsolute(String p) {
        if (p.startsWith("/") || p.startsWith("\\")) {
            return true;
        }
        return p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':';
    }

    private static String stripDot(String p) {
        String s = p;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s.isEmpty() || s.equals(".") ? "app" : s;
    }
}
