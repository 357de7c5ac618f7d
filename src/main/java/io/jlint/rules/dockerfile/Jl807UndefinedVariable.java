package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.HashSet;
import java.util.Set;

/**
 * A variable an instruction expands (COPY, ENV, WORKDIR, LABEL…; not RUN, whose shell sees the image's environment)
 * that nothing defines at that point, when jlint can tell: it is declared only later in the stage, by a later pair of
 * the same ENV, or only in another stage; or the stage starts from scratch (no base image ENV); or it is a near miss
 * of a variable in scope. Names a base image might set are otherwise left alone. Global ARGs not redeclared in the
 * stage are JL808.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL807", name = "undefined-variable", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "An instruction expands a variable that is not defined at that point (it expands to nothing)",
        equivalents = {"buildkit:UndefinedVar", "hadolint:DL3044"})
public final class Jl807UndefinedVariable implements Rule<Dockerfile> {

    /** Environment variables base images commonly set; never reported as undefined in a stage FROM an image. */
    private static final Set<String> IMAGE_ENV = Set.of("JAVA_HOME", "GOPATH", "GOROOT", "GOLANG_VERSION",
            "PYTHON_VERSION", "NODE_VERSION", "JAVA_VERSION", "RUBY_VERSION", "PHP_VERSION", "DEBIAN_FRONTEND");

    /**
     * Environment variables the operating system sets (with a fixed value): never reported as undefined, nor when an
     * ENV sets them and uses them again.
     */
    private static final Set<String> OS_ENV = Set.of("PATH", "HOME", "HOSTNAME", "LANG", "LANGUAGE", "LC_ALL", "TERM",
            "USER", "PWD", "SHELL", "TZ", "ProgramFiles", "ProgramFiles(x86)",
            "ProgramData", "ProgramW6432", "SystemRoot", "SystemDrive", "windir", "USERPROFILE", "APPDATA",
            "LOCALAPPDATA", "TEMP", "TMP", "ComSpec", "PUBLIC", "ALLUSERSPROFILE", "USERNAME", "COMPUTERNAME",
            "PSModulePath", "PATHEXT", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE", "OS");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Stage stage : df.stages()) {
            for (Instruction in : stage.instructions()) {
                String problem = null;
                if (in instanceof Instruction.Env env) {
                    problem = sameInstruction(env, vars.at(env), df.escape());
                }
                if (problem == null) {
                    problem = judge(df, vars, stage, in);
                }
                if (problem != null) {
                    out.report(in.span(), problem);
                }
            }
        }
    }

    /** {@code ENV A=1 B=$A}: the pairs of one ENV do not see each other. */
    private static String sameInstruction(Instruction.Env env, Variables.Scope scope, char escape) {
        Set<String> earlier = new HashSet<>();
        for (KeyValue kv : env.pairs()) {
            Set<String> names = new java.util.LinkedHashSet<>();
            VariableUses.addNames(kv.rawValue() != null ? kv.rawValue() : kv.value() == null ? "" : kv.value(),
                    escape, names);
            for (String n : names) {
                if (earlier.contains(n) && !n.equals(kv.key())) {
                    Variables.Binding before = scope.lookup(n);
                    if (before == null && scope.baseEnvUnknown() && OS_ENV.contains(n)) {
                        continue; // the base image's value, most likely the same
                    }
                    String what = before != null ? "its previous value (line " + lineOf(before) + ")"
                            : scope.baseEnvUnknown() ? "the base image's value if it has one, else nothing"
                            : "nothing";
                    return "$" + n + " in " + kv.key() + "=… does not see " + n + " set earlier in this same ENV: "
                            + "all values of one ENV are expanded before any is set, so it expands to " + what
                            + "; set " + n + " in an ENV of its own before this one";
                }
            }
            earlier.add(kv.key());
        }
        return null;
    }

    private static String lineOf(Variables.Binding b) {
        return b.declaredBy() == null ? "?" : String.valueOf(b.declaredBy().line());
    }

    private static String judge(Dockerfile df, Variables vars, Stage stage, Instruction in) {
        Variables.Scope scope = vars.at(in);
        boolean open = scope.baseEnvUnknown();
        for (String name : VariableUses.expandedNames(in, df.escape())) {
            if (scope.isDeclared(name) || Variables.isPredefinedArg(name) || Variables.PLATFORM_ARGS.contains(name)
                    || isGlobalArg(vars, name) || sameArgInstruction(in, name) || OS_ENV.contains(name)
                    || open && IMAGE_ENV.contains(name) || selfReference(in, name)) {
                continue;
            }
            if (open && VariableUses.fromChainUses(df, stage, name)) {
                continue;
            }
            Instruction later = VariableUses.declaredLater(stage, in, name);
            // an ENV declared later may also be set by the base image; an ARG name rarely is
            if (later != null && (!open || later instanceof Instruction.Arg)) {
                return "$" + name + " is used here but only declared on line " + later.line() + ", so here it "
                        + "expands to nothing; move that " + later.node().keyword().toUpperCase(java.util.Locale.ROOT)
                        + " above this line";
            }
            Instruction elsewhere = declaredInOtherStage(df, stage, name);
            if (elsewhere != null && (!open || elsewhere instanceof Instruction.Arg)) {
                return "$" + name + " is declared on line " + elsewhere.line() + " in another stage, but ARG and "
                        + "ENV values do not cross stages, so here it expands to nothing; declare it in this stage "
                        + "(ARG " + name + ")";
            }
            String near = nearMiss(scope, name);
            if (near != null) {
                return "$" + name + " is not defined here, so it expands to nothing; did you mean $" + near + "?";
            }
            if (!scope.baseEnvUnknown()) {
                return "$" + name + " is not defined in this stage, which starts from scratch (no base image "
                        + "environment), so it expands to nothing; declare it with ARG or ENV first";
            }
        }
        return null;
    }

    /** {@code ENV PATH=/x:$PATH}: an ENV that extends its own variable expects it to exist already. */
    private static boolean selfReference(Instruction in, String name) {
        return in instanceof Instruction.Env && VariableUses.declares(in, name);
    }

    private static boolean isGlobalArg(Variables vars, String name) {
        Variables.Binding b = vars.global().lookup(name);
        return b != null && b.origin() == Variables.Origin.GLOBAL_ARG;
    }

    /** {@code ARG A=1 B=$A}: BuildKit processes the pairs of one ARG in order, so B sees A. */
    private static boolean sameArgInstruction(Instruction in, String name) {
        return in instanceof Instruction.Arg && VariableUses.declares(in, name);
    }

    /** An ARG or ENV declaring {@code name} in a stage that is not in this stage's FROM chain, or null. */
    private static Instruction declaredInOtherStage(Dockerfile df, Stage stage, String name) {
        Set<Integer> chain = new HashSet<>();
        for (Stage s = stage; s != null && chain.add(s.index());
             s = s.baseStage() >= 0 && s.baseStage() < s.index() ? df.stages().get(s.baseStage()) : null) {
            // collect the chain
        }
        for (Stage s : df.stages()) {
            if (chain.contains(s.index())) {
                continue;
            }
            for (Instruction i : s.instructions()) {
                if (VariableUses.declares(i, name)) {
                    return i;
                }
            }
        }
        return null;
    }

    /** A name in scope one edit away (or differing only in case), for names of four or more characters. */
    private static String nearMiss(Variables.Scope scope, String name) {
        if (name.length() < 4) {
            return null;
        }
        for (String n : scope.names()) {
            if (n.equalsIgnoreCase(name) || n.length() >= 4 && StageRefs.distance(n, name) == 1
                    && !n.replace('_', '-').equalsIgnoreCase(name.replace('_', '-'))) {
                return n;
            }
        }
        return null;
    }
}
