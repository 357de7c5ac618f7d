package io.jlint.rules.dockerfile;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The variables instructions use: helper of JL807–JL809; not a rule. */
final class VariableUses {

    private VariableUses() {
    }

    /**
     * The names an instruction that BuildKit expands (not RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD) uses
     * without a fallback ({@code ${X:-y}} and the other fallback forms do not count), in order.
     */
    static Set<String> expandedNames(Instruction in, char escape) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : expandedTexts(in)) {
            addNames(raw, escape, out);
        }
        return out;
    }

    /** The raw texts BuildKit expands for an instruction inside a stage. */
    static List<String> expandedTexts(Instruction in) {
        List<String> texts = new ArrayList<>();
        if (in instanceof Instruction.Env e) {
            for (KeyValue kv : e.pairs()) {
                texts.add(raw(kv));
            }
        } else if (in instanceof Instruction.Arg a) {
            for (KeyValue kv : a.pairs()) {
                if (kv.value() != null) {
                    texts.add(raw(kv));
                }
            }
        } else if (in instanceof Instruction.Label l) {
            for (KeyValue kv : l.pairs()) {
                texts.add(kv.key());
                texts.add(raw(kv));
            }
        } else if (in instanceof Instruction.Copy c) {
            addCopy(in, c.sources(), c.destination(), texts);
        } else if (in instanceof Instruction.Add a) {
            addCopy(in, a.sources(), a.destination(), texts);
        } else if (in instanceof Instruction.Workdir w) {
            texts.add(w.path());
        } else if (in instanceof Instruction.User u) {
            texts.add(u.user());
        } else if (in instanceof Instruction.Expose x) {
            texts.addAll(x.ports());
        } else if (in instanceof Instruction.Volume v) {
            texts.addAll(v.paths());
        } else if (in instanceof Instruction.Stopsignal s) {
            texts.add(s.signal());
        }
        texts.removeIf(t -> t == null || t.indexOf('$') < 0);
        return texts;
    }

    private static void addCopy(Instruction in, List<String> sources, String dest, List<String> texts) {
        List<String> heredocNames = in.node().heredocs().stream().map(h -> h.name()).toList();
        for (String s : sources) {
            if (!heredocNames.contains(s) && !s.startsWith("<<")) {
                texts.add(s);
            }
        }
        texts.add(dest);
        for (Flag f : in.flags()) {
            if (f.value() != null && (f.is("chown") || f.is("chmod") || f.is("from"))) {
                texts.add(f.value());
            }
        }
    }

    private static String raw(KeyValue kv) {
        return kv.rawValue() != null ? kv.rawValue() : kv.value();
    }

    /** Adds the unguarded, non-special, top-level references of a raw text. */
    static void addNames(String raw, char escape, Set<String> out) {
        List<Variables.Ref> refs = Variables.references(raw, escape);
        for (Variables.Ref r : refs) {
            if (r.special() || r.guarded()) {
                continue;
            }
            if (nested(r, refs)) {
                continue;
            }
            out.add(r.name());
        }
    }

    private static boolean nested(Variables.Ref r, List<Variables.Ref> all) {
        for (Variables.Ref o : all) {
            if (o != r && o.start() < r.start() && o.end() >= r.end()) {
                return true;
            }
        }
        return false;
    }

    /** The names a RUN's shell scripts reference (the shell expands them at run time), in order. */
    static Set<String> runNames(Instruction.Run run) {
        Set<String> out = new LinkedHashSet<>();
        if (run.command() == null || run.command().execForm() || !run.command().posixShell()) {
            return out;
        }
        for (ShellScript s : run.command().scripts()) {
            if (s != null && s.text() != null) {
                addNames(s.text().text(), '\\', out);
            }
        }
        return out;
    }

    /** True when the RUN itself sets {@code name}: a shell assignment, for/read/export, or a secret env mount. */
    static boolean runDefines(Instruction.Run run, String name) {
        for (Mount m : run.mounts()) {
            if (name.equals(m.option("env"))) {
                return true;
            }
        }
        if (run.command() == null) {
            return false;
        }
        String q = Pattern.quote(name);
        Pattern def = Pattern.compile("(?:^|[^\\w$])" + q + "\\+?=|\\bfor\\s+" + q + "\\b|\\bread\\b[^;&|\\n]*\\b" + q
                + "\\b|\\b(?:export|local|declare|typeset|readonly)\\b[^;&|\\n]*\\b" + q + "\\b|\\bgetopts\\b[^;&|\\n]*\\b"
                + q + "\\b");
        for (ShellScript s : run.command().scripts()) {
            if (s != null && s.text() != null && def.matcher(s.text().text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first ARG or ENV of {@code stage} after {@code in} that declares {@code name}, or null. */
    static Instruction declaredLater(Stage stage, Instruction in, String name) {
        boolean after = false;
        for (Instruction i : stage.instructions()) {
            if (i == in) {
                after = true;
                continue;
            }
            if (after && declares(i, name)) {
                return i;
            }
        }
        return null;
    }

    static boolean declares(Instruction i, String name) {
        List<KeyValue> pairs = i instanceof Instruction.Arg a ? a.pairs()
                : i instanceof Instruction.Env e ? e.pairs() : List.of();
        for (KeyValue kv : pairs) {
            if (name.equals(kv.key())) {
                return true;
            }
        }
        return false;
    }

    /** The stage a stage's FROM chain starts at (itself when it starts from an image). */
    static Stage root(Dockerfile df, Stage s) {
        Stage cur = s;
        for (int guard = 0; cur.baseStage() >= 0 && cur.baseStage() < cur.index() && guard < 1000; guard++) {
            cur = df.stages().get(cur.baseStage());
        }
        return cur;
    }

    /** True when a FROM line of the stage's chain (image or --platform) names {@code name}. */
    static boolean fromChainUses(Dockerfile df, Stage s, String name) {
        Stage cur = s;
        for (int guard = 0; cur != null && guard < 1000; guard++) {
            Set<String> names = new LinkedHashSet<>();
            addNames(cur.from().image(), df.escape(), names);
            cur.from().flag("platform").ifPresent(f -> addNames(f.value(), df.escape(), names));
            if (names.contains(name)) {
                return true;
            }
            cur = cur.baseStage() >= 0 && cur.baseStage() < cur.index() ? df.stages().get(cur.baseStage()) : null;
        }
        return false;
    }
}
