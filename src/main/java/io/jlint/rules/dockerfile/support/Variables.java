package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves Dockerfile variable references ({@code $V}, {@code ${V}}, {@code ${V:-x}}, {@code ${V-x}},
 * {@code ${V:+x}}, {@code ${V+x}}, {@code ${V:?x}}, {@code ${V?x}}) against the ARG and ENV values in scope at an
 * instruction, the way BuildKit expands instruction arguments (not RUN: the shell does that at run time).
 *
 * <p>Scoping follows BuildKit: ARGs before the first FROM ("global") are visible in FROM lines only, and inside a
 * stage only after {@code ARG NAME} redeclares them; ARG defaults and ENV values accumulate in order, ENV wins over
 * ARG of the same name; the pairs of one ENV instruction are all expanded against the scope before it (those of
 * an ARG one after another, as BuildKit does); a stage
 * built FROM an earlier stage inherits that stage's ENV but none of its ARGs. Platform ARGs ({@code TARGETARCH}…)
 * are defined in the global scope and need {@code ARG NAME} inside a stage.
 *
 * <p>Whatever is not known at lint time is "unresolved": an ARG without default (its value comes from
 * {@code --build-arg}), a platform ARG, a variable the base image may set, pattern operators ({@code ${V#x}}…).
 * An {@link Expansion} then has a null value and rules should say less. A value that comes from an ARG default is
 * resolved but marked {@link Expansion#overridable()}: {@code --build-arg} may change it.
 *
 * <p>Use: {@code Variables vars = Variables.of(df); vars.at(instruction).expand(raw)}. Instances are immutable.
 */
public final class Variables {

    /** ARGs BuildKit defines in the global scope for every build (values depend on the build's platforms). */
    public static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
            "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT");

    private static final Set<String> PROXY_ARGS = Set.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY",
            "ALL_PROXY");

    /** Where a binding comes from. */
    public enum Origin {
        /** an ARG before the first FROM (visible in FROM lines) */
        GLOBAL_ARG,
        /** an ARG inside the stage */
        ARG,
        /** an ENV inside the stage */
        ENV,
        /** an ENV of the stage this one is built FROM */
        INHERITED_ENV,
        /** defined by BuildKit: platform ARGs in the global scope, PATH */
        PREDEFINED
    }

    /**
     * A variable in scope.
     *
     * @param name        its name
     * @param value       its value, or null when it is not known at lint time
     * @param overridable the value comes (possibly through other variables) from an ARG default, which
     *                    {@code --build-arg} can replace
     * @param origin      what defined it
     * @param declaredBy  the ARG or ENV instruction that defined it (null for predefined ones)
     */
    public record Binding(String name, String value, boolean overridable, Origin origin, Instruction declaredBy) {
        public boolean known() {
            return value != null;
        }
    }

    /**
     * One variable reference in a text.
     *
     * @param name     the variable name (for special parameters such as {@code $1} or {@code $@}, that text)
     * @param operator null for {@code $V}/{@code ${V}}, else {@code :-}, {@code -}, {@code :+}, {@code +},
     *                 {@code :?}, {@code ?}, {@code #}, {@code ##}, {@code %}, {@code %%}, {@code /}, {@code //}
     * @param start    offset of the {@code $} in the raw text
     * @param end      offset just past the reference
     * @param guarded  the reference says what to use when the variable is unset ({@code -}, {@code +},
     *                 {@code ?} forms): an unset variable there is intended
     * @param special  a positional or special parameter ({@code $1}, {@code $@}, {@code $#}…), not a variable
     */
    public record Ref(String name, String operator, int start, int end, boolean guarded, boolean special) {
    }

    /**
     * The result of expanding a raw text.
     *
     * @param value       the expanded text with quotes removed, or null when some part is unknown at lint time
     *                    or the text is malformed
     * @param overridable some variable used comes from an ARG default ({@code --build-arg} may change the result)
     * @param refs        every variable reference met, in order (also those inside operator words)
     */
    public record Expansion(String value, boolean overridable, List<Ref> refs) {
        public Expansion {
            refs = List.copyOf(refs);
        }

        public boolean resolved() {
            return value != null;
        }
    }

    private final Dockerfile df;
    private final Scope global;
    private final Map<Instruction, Scope> before = new IdentityHashMap<>();
    private final Map<Stage, Scope> stageEnds = new IdentityHashMap<>();

    private Variables(Dockerfile df) {
        this.df = df;
        char escape = df.escape();
        Map<String, Binding> gargs = new LinkedHashMap<>();
        for (String p : PLATFORM_ARGS) {
            gargs.put(p, new Binding(p, null, false, Origin.PREDEFINED, null));
        }
        Scope g = new Scope(Map.of(), gargs, true, false, escape, null);
        for (Instruction.Arg arg : df.globalArgs()) {
            before.put(arg, g);
            for (KeyValue kv : arg.pairs()) {
                Map<String, Binding> next = new LinkedHashMap<>(g.args);
                next.put(kv.key(), argBinding(kv, g, null, Origin.GLOBAL_ARG, arg));
                g = new Scope(Map.of(), next, true, false, escape, null);
            }
        }
        this.global = g;
        for (Stage stage : df.stages()) {
            walkStage(stage, escape);
        }
    }

    /** Computes the scopes of every instruction of {@code df}. */
    public static Variables of(Dockerfile df) {
        return new Variables(df);
    }

    /** The scope FROM lines are expanded in: global ARGs and the platform ARGs. */
    public Scope global() {
        return global;
    }

    /**
     * The scope an instruction's arguments are expanded in (before the instruction's own effect). For FROM and for
     * ARGs before the first FROM, the global scope; for an instruction not in this Dockerfile (e.g. an ONBUILD
     * trigger), the global scope too.
     */
    public Scope at(Instruction instruction) {
        if (instruction instanceof Instruction.From) {
            return global;
        }
        Scope s = before.get(instruction);
        return s != null ? s : global;
    }

    /** The scope after the last instruction of a stage. */
    public Scope end(Stage stage) {
        Scope s = stageEnds.get(stage);
        return s != null ? s : global;
    }

    /** The FROM image of a stage, expanded in the global scope (quotes removed). */
    public Expansion fromImage(Stage stage) {
        return global.expand(stage.from().image());
    }

    /** The references in a raw text, without resolving them. */
    public static List<Ref> references(String raw, char escape) {
        Scope empty = new Scope(Map.of(), Map.of(), true, false, escape, null);
        return empty.expand(raw).refs();
    }

    /** True for ARGs BuildKit accepts without a declaration: proxies, {@code BUILDKIT_*}, SOURCE_DATE_EPOCH. */
    public static boolean isPredefinedArg(String name) {
        return PROXY_ARGS.contains(name.toUpperCase(Locale.ROOT)) || name.startsWith("BUILDKIT_")
                || name.equals("SOURCE_DATE_EPOCH");
    }

    private void walkStage(Stage stage, char escape) {
        Map<String, Binding> env = new LinkedHashMap<>();
        boolean open;
        if (stage.baseStage() >= 0 && stage.baseStage() < stage.index()) {
            Stage parent = df.stages().get(stage.baseStage());
            Scope p = end(parent);
            for (Binding b : p.env.values()) {
                env.put(b.name(), new Binding(b.name(), b.value(), b.overridable(), Origin.INHERITED_ENV,
                        b.declaredBy()));
            }
            open = p.baseEnvUnknown;
        } else {
            Expansion img = fromImage(stage);
            open = !(img.resolved() && img.value().equalsIgnoreCase("scratch"));
            if (!open) {
                env.put("PATH", new Binding("PATH", null, false, Origin.PREDEFINED, null));
            }
        }
        Scope s = new Scope(env, Map.of(), false, open, escape, stage);
        for (Instruction in : stage.instructions()) {
            before.put(in, s);
            if (in instanceof Instruction.Arg arg) {
                for (KeyValue kv : arg.pairs()) {
                    Map<String, Binding> next = new LinkedHashMap<>(s.args);
                    next.put(kv.key(), argBinding(kv, s, global, Origin.ARG, arg));
                    s = new Scope(s.env, next, false, open, escape, stage);
                }
            } else if (in instanceof Instruction.Env e) {
                Map<String, Binding> next = new LinkedHashMap<>(s.env);
                for (KeyValue kv : e.pairs()) {
                    String raw = kv.rawValue() != null ? kv.rawValue() : kv.value();
                    Expansion x = s.expand(raw == null ? "" : raw);
                    next.put(kv.key(), new Binding(kv.key(), x.value(), x.overridable(), Origin.ENV, e));
                }
                s = new Scope(next, s.args, false, open, escape, stage);
            }
        }
        stageEnds.put(stage, s);
    }

    private static Binding argBinding(KeyValue kv, Scope scope, Scope globalScope, Origin origin, Instruction in) {
        if (kv.value() == null) {
            Binding g = globalScope == null ? null : globalScope.args.get(kv.key());
            if (g != null) {
                return new Binding(kv.key(), g.value(), g.overridable(), origin, in);
            }
            return new Binding(kv.key(), null, true, origin, in);
        }
        String raw = kv.rawValue() != null ? kv.rawValue() : kv.value();
        Expansion x = scope.expand(raw);
        return new Binding(kv.key(), x.value(), true, origin, in);
    }

    /** The variables visible at one point, and expansion against them. */
    public static final class Scope {
        private final Map<String, Binding> env;
        private final Map<String, Binding> args;
        private final boolean global;
        private final boolean baseEnvUnknown;
        private final char escape;
        private final Stage stage;

        Scope(Map<String, Binding> env, Map<String, Binding> args, boolean global, boolean baseEnvUnknown,
              char escape, Stage stage) {
            this.env = Collections.unmodifiableMap(env);
            this.args = Collections.unmodifiableMap(args);
            this.global = global;
            this.baseEnvUnknown = baseEnvUnknown;
            this.escape = escape;
            this.stage = stage;
        }

        /** The binding of a name (ENV first, then ARG), or null when the Dockerfile does not declare it here. */
        public Binding lookup(String name) {
            Binding b = env.get(name);
            return b != null ? b : args.get(name);
        }

        /** True when {@code name} is declared in this scope (ARG, ENV, inherited ENV or predefined). */
        public boolean isDeclared(String name) {
            return lookup(name) != null;
        }

        /** The declared names, ENV first. */
        public Set<String> names() {
            Set<String> out = new java.util.LinkedHashSet<>(env.keySet());
            out.addAll(args.keySet());
            return out;
        }

        /** True for the scope of FROM lines. */
        public boolean isGlobal() {
            return global;
        }

        /**
         * True when the stage starts from an image whose ENV jlint cannot see, so an undeclared name may still be set
         * (false for the global scope and for stages built on {@code scratch}).
         */
        public boolean baseEnvUnknown() {
            return baseEnvUnknown;
        }

        /** The stage of this scope, null for the global scope. */
        public Stage stage() {
            return stage;
        }

        /** Expands a raw argument text as BuildKit would: quotes removed, escapes applied, variables replaced. */
        public Expansion expand(String raw) {
            Expander x = new Expander(this, raw == null ? "" : raw);
            String v = x.word();
            return new Expansion(x.unresolved ? null : v, x.overridable, x.refs);
        }

        /** Shorthand: the expanded value, or null when unresolved. */
        public String resolve(String raw) {
            return expand(raw).value();
        }

        /** An undeclared name is certainly unset here (no base image ENV could define it). */
        boolean closed() {
            return !baseEnvUnknown;
        }
    }

    /** A BuildKit-style word processor over one raw text. */
    private static final class Expander {
        private final Scope scope;
        private final String s;
        private final char esc;
        private int pos;
        boolean unresolved;
        boolean overridable;
        final List<Ref> refs = new ArrayList<>();

        Expander(Scope scope, String s) {
            this.scope = scope;
            this.s = s;
            this.esc = scope.escape;
        }

        String word() {
            String v = until((char) 0);
            return v;
        }

        /** Processes up to {@code stop} (consumed) or the end; a missing stop marks the text malformed. */
        private String until(char stop) {
            StringBuilder out = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (stop != 0 && c == stop) {
                    pos++;
                    return out.toString();
                }
                if (c == esc) {
                    pos++;
                    if (pos < s.length()) {
                        out.append(s.charAt(pos++));
                    }
                } else if (c == '\'') {
                    singleQuoted(out);
                } else if (c == '"') {
                    doubleQuoted(out);
                } else if (c == '$') {
                    dollar(out);
                } else {
                    out.append(c);
                    pos++;
                }
            }
            if (stop != 0) {
                unresolved = true;
            }
            return out.toString();
        }

        private void singleQuoted(StringBuilder out) {
            int close = s.indexOf('\'', pos + 1);
            if (close < 0) {
                unresolved = true;
                out.append(s, pos + 1, s.length());
                pos = s.length();
                return;
            }
            out.append(s, pos + 1, close);
            pos = close + 1;
        }

        private void doubleQuoted(StringBuilder out) {
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return;
                }
                if (c == '$') {
                    dollar(out);
                } else if (c == esc) {
                    if (pos + 1 < s.length()) {
                        char n = s.charAt(pos + 1);
                        if (n == '"' || n == '$' || n == esc) {
                            out.append(n);
                        } else {
                            out.append(c).append(n);
                        }
                        pos += 2;
                    } else {
                        pos++;
                    }
                } else {
                    out.append(c);
                    pos++;
                }
            }
            unresolved = true;
        }

        private void dollar(StringBuilder out) {
            int start = pos;
            pos++;
            if (pos >= s.length()) {
                out.append('$');
                return;
            }
            char c = s.charAt(pos);
            if (c == '{') {
                braced(out, start);
                return;
            }
            if (isNameStart(c)) {
                int from = pos;
                while (pos < s.length() && isNameChar(s.charAt(pos))) {
                    pos++;
                }
                String name = s.substring(from, pos);
                refs.add(new Ref(name, null, start, pos, false, false));
                plain(out, name);
                return;
            }
            if (Character.isDigit(c)) {
                int from = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                refs.add(new Ref(s.substring(from, pos), null, start, pos, false, true));
                unresolved = true;
                return;
            }
            if ("@*#?!-".indexOf(c) >= 0 || c == '$') {
                pos++;
                refs.add(new Ref(String.valueOf(c), null, start, pos, false, true));
                unresolved = true;
                return;
            }
            out.append('$');
        }

        private void braced(StringBuilder out, int start) {
            pos++; // past '{'
            int from = pos;
            while (pos < s.length() && isNameChar(s.charAt(pos))) {
                pos++;
            }
            String name = s.substring(from, pos);
            if (name.isEmpty() || !isNameStart(name.charAt(0)) && !name.chars().allMatch(Character::isDigit)) {
                // ${#V}, ${!V}, ${} …: not something BuildKit resolves
                skipBrace();
                unresolved = true;
                return;
            }
            boolean special = !isNameStart(name.charAt(0));
            if (pos >= s.length()) {
                unresolved = true;
                return;
            }
            char c = s.charAt(pos);
            if (c == '}') {
                pos++;
                refs.add(new Ref(name, null, start, pos, false, special));
                if (special) {
                    unresolved = true;
                } else {
                    plain(out, name);
                }
                return;
            }
            String op;
            if (c == ':' && pos + 1 < s.length() && "-+?".indexOf(s.charAt(pos + 1)) >= 0) {
                op = s.substring(pos, pos + 2);
                pos += 2;
            } else if ("-+?".indexOf(c) >= 0) {
                op = String.valueOf(c);
                pos++;
            } else if (c == '#' || c == '%' || c == '/') {
                op = pos + 1 < s.length() && s.charAt(pos + 1) == c ? "" + c + c : String.valueOf(c);
                pos += op.length();
                int refIndex = refs.size();
                refs.add(null);
                Expander sub = sub();
                sub.until('}');
                absorb(sub, false);
                refs.set(refIndex, new Ref(name, op, start, pos, false, special));
                unresolved = true;
                return;
            } else {
                skipBrace();
                refs.add(new Ref(name, null, start, pos, false, special));
                unresolved = true;
                return;
            }
            int refIndex = refs.size();
            refs.add(null);
            Expander sub = sub();
            String word = sub.until('}');
            refs.set(refIndex, new Ref(name, op, start, sub.pos, true, special));
            if (special) {
                absorb(sub, false);
                unresolved = true;
                return;
            }
            Binding b = scope.lookup(name);
            boolean closedUnset = b == null && scope.closed() && !isPredefinedArg(name);
            if (b != null && !b.known() || b == null && !closedUnset) {
                absorb(sub, false);
                unresolved = true;
                return;
            }
            if (b != null) {
                overridable |= b.overridable();
            }
            String value = b == null ? null : b.value();
            boolean set = value != null;
            boolean nonEmpty = set && !value.isEmpty();
            switch (op) {
                case ":-" -> useWordOr(out, sub, word, nonEmpty, value);
                case "-" -> useWordOr(out, sub, word, set, value);
                case ":+" -> useWordIf(out, sub, word, nonEmpty);
                case "+" -> useWordIf(out, sub, word, set);
                case ":?" -> requireValue(out, sub, nonEmpty, value);
                default -> requireValue(out, sub, set, value); // "?"
            }
        }

        /** {@code ${V:-w}}: V's value when it qualifies, else the word. */
        private void useWordOr(StringBuilder out, Expander sub, String word, boolean useValue, String value) {
            if (useValue) {
                absorb(sub, false);
                out.append(value);
            } else {
                absorb(sub, true);
                out.append(word);
            }
        }

        /** {@code ${V:+w}}: the word when V qualifies, else nothing. */
        private void useWordIf(StringBuilder out, Expander sub, String word, boolean useWord) {
            absorb(sub, useWord);
            if (useWord) {
                out.append(word);
            }
        }

        /** {@code ${V:?msg}}: V's value, or a build error (unresolved here). */
        private void requireValue(StringBuilder out, Expander sub, boolean ok, String value) {
            absorb(sub, false);
            if (ok) {
                out.append(value);
            } else {
                unresolved = true;
            }
        }

        private Expander sub() {
            Expander sub = new Expander(scope, s);
            sub.pos = pos;
            return sub;
        }

        /** Takes over a nested word's position and references; its result counts only when {@code used}. */
        private void absorb(Expander sub, boolean used) {
            pos = sub.pos;
            refs.addAll(sub.refs);
            if (used) {
                unresolved |= sub.unresolved;
                overridable |= sub.overridable;
            }
        }

        private void skipBrace() {
            int depth = 1;
            while (pos < s.length() && depth > 0) {
                char c = s.charAt(pos++);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
        }

        private void plain(StringBuilder out, String name) {
            Binding b = scope.lookup(name);
            if (b == null || !b.known()) {
                unresolved = true;
                return;
            }
            overridable |= b.overridable();
            out.append(b.value());
        }

        private static boolean isNameStart(char c) {
            return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }

        private static boolean isNameChar(char c) {
            return isNameStart(c) || c >= '0' && c <= '9';
        }
    }
}
