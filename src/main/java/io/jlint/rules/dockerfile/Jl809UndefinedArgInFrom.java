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
import java.util.LinkedHashSet;
import java.util.Set;

/** A FROM line expands a variable that no ARG before the first FROM declares: it expands to nothing. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL809", name = "undefined-arg-in-from", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "FROM uses a variable that is not an ARG declared before the first FROM",
        equivalents = {"buildkit:UndefinedArgInFrom"})
public final class Jl809UndefinedArgInFrom implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        Variables.Scope global = vars.global();
        for (Stage stage : df.stages()) {
            Instruction.From from = stage.from();
            if (from == null) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            VariableUses.addNames(from.image(), df.escape(), names);
            from.flag("platform").ifPresent(f -> VariableUses.addNames(f.value(), df.escape(), names));
            for (String name : names) {
                if (global.isDeclared(name) || Variables.isPredefinedArg(name)) {
                    continue;
                }
                out.report(from.span(), "FROM uses $" + name + ", but no ARG " + name + " is declared before the "
                        + "first FROM, so it expands to nothing" + hint(df, global, name));
                break;
            }
        }
    }

    private static String hint(Dockerfile df, Variables.Scope global, String name) {
        for (Stage s : df.stages()) {
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Arg && VariableUses.declares(i, name)) {
                    return "; ARG " + name + " on line " + i.line() + " is inside a stage: move it above the first "
                            + "FROM";
                }
            }
        }
        for (String n : global.names()) {
            if (n.equalsIgnoreCase(name) || n.length() >= 4 && StageRefs.distance(n, name) == 1) {
                return "; did you mean $" + n + "?";
            }
        }
        return "; declare ARG " + name + " (with a default) before the first FROM";
    }
}
