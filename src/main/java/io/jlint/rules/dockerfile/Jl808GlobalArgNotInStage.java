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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stage uses an ARG declared before the first FROM (or a platform ARG such as TARGETARCH) without redeclaring it
 * with {@code ARG NAME}: such ARGs are visible in FROM lines only, so inside the stage the value is empty. In RUN,
 * names the script sets itself are skipped, and so are global ARGs that the stage's FROM line uses (the image they
 * select may well set an ENV of that name).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL808", name = "global-arg-not-redeclared", category = Category.CORRECTNESS,
        severity = Severity.WARNING,
        summary = "A stage uses an ARG declared before FROM (or TARGETARCH…) without redeclaring it: it is empty there",
        equivalents = {"buildkit:UndefinedVar"})
public final class Jl808GlobalArgNotInStage implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Stage stage : df.stages()) {
            for (Instruction in : stage.instructions()) {
                Set<String> names = in instanceof Instruction.Run run ? VariableUses.runNames(run)
                        : VariableUses.expandedNames(in, df.escape());
                Variables.Scope scope = vars.at(in);
                List<String> missing = new ArrayList<>();
                Instruction.Arg global = null;
                for (String name : names) {
                    if (scope.isDeclared(name) || Variables.isPredefinedArg(name)
                            || in instanceof Instruction.Arg && VariableUses.declares(in, name)) {
                        continue;
                    }
                    boolean platform = Variables.PLATFORM_ARGS.contains(name);
                    Variables.Binding g = vars.global().lookup(name);
                    boolean isGlobal = g != null && g.origin() == Variables.Origin.GLOBAL_ARG;
                    if (!platform && !isGlobal) {
                        continue;
                    }
                    if (in instanceof Instruction.Run run && VariableUses.runDefines(run, name)) {
                        continue;
                    }
                    if (!platform && scope.baseEnvUnknown() && VariableUses.fromChainUses(df, stage, name)) {
                        continue;
                    }
                    missing.add(name);
                    if (global == null && isGlobal && g.declaredBy() instanceof Instruction.Arg a) {
                        global = a;
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                String list = "$" + String.join(", $", missing);
                String first = missing.get(0);
                String why = global != null
                        ? "ARGs declared before the first FROM (line " + global.line() + ") are visible only in FROM "
                        + "lines until a stage declares them again"
                        : "BuildKit defines " + first + " only before the first FROM";
                out.report(in.span(), list + (missing.size() == 1 ? " is" : " are") + " empty here: " + why
                        + "; add ARG " + String.join(" ", missing) + " in this stage before this line (without a "
                        + "value, it takes the global one)");
            }
        }
    }
}
