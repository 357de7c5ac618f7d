package io.jlint.fix;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.Redirect;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges consecutive shell-form RUNs of one stage into the first of them. The merged RUN fails exactly when one of
 * the originals would have failed, and runs the same commands in the same order. Two ways of writing it:
 * <ul>
 * <li>joined with {@code &&} and line continuations ({@code RUN a} / {@code RUN b} becomes {@code RUN a && \} /
 *     {@code     b}), in the file's escape character, indentation and operator style;</li>
 * <li>as one heredoc script when the file already writes RUN scripts as heredocs ({@code RUN <<EOF}): BuildKit runs
 *     such a body as {@code SHELL… "<body>"} (the default {@code /bin/sh -c}), a script in which a failing line does
 *     NOT stop the lines after it. So the parts are joined the same way, with {@code &&} at the end of a line (the
 *     shell reads a newline after {@code &&} as a blank); only where {@code set -e} is provably in effect (set by the
 *     SHELL, or by a top-level {@code set -e} of an earlier part) and the last command before the join is a simple
 *     command or pipeline (whose failure then ends the script) does the next part simply follow on the next line.
 *     jlint never adds {@code set -e} itself: it changes how every command in {@code if}/{@code while} conditions,
 *     {@code a && b} lists, {@code ;} lists and command substitutions reacts to a failure, so it is not
 *     equivalent to the separate RUNs.</li>
 * </ul>
 * Why joining with {@code &&} keeps the behaviour:
 * <ul>
 * <li>a later RUN's text that is not a plain {@code &&} list ({@code a; b}, {@code a || b}) is wrapped in
 *     {@code { …; }}, so {@code &&} guards all of it ({@code x && a || b} would run {@code b} when {@code x}
 *     fails);</li>
 * <li>no earlier RUN changes what the shell hands on to the next command: no top-level {@code cd}, {@code export},
 *     {@code umask}, {@code exit}, {@code exec}, {@code source}, variable assignment, function definition… (a separate
 *     RUN starts a fresh shell in WORKDIR). A top-level {@code set} that only turns options on ({@code set -eux},
 *     {@code set -o pipefail}) is allowed when each later RUN turns the same options on first, or does nothing those
 *     options change ({@code -e}: one command, pipeline or {@code &&}/{@code ||} list; {@code -u}: no parameter
 *     expansion; {@code -x}/{@code -v}: no redirection; pipefail: no pipe);</li>
 * <li>while {@code -e} may be in effect, the shell ignores it inside every command of an and-or list but the last,
 *     so the commands that end up before an {@code &&} must be ones where that makes no difference (simple commands,
 *     pipelines and and-or lists of them);</li>
 * <li>the RUNs have the same flags ({@code --mount}, {@code --network}, {@code --security}), the same SHELL, and
 *     nothing but comments and blank lines between them.</li>
 * </ul>
 * Comment lines between the RUNs stay where they were: inside the continued instruction (BuildKit skips comment
 * lines there), or as comment lines of the heredoc script. Blank lines between them go.
 */
public final class RunMerger {
    private RunMerger() {
    }

    /** Shell commands whose effect lasts into the next command of the same shell. */
    private static final Set<String> STATEFUL = Set.of("cd", "pushd", "popd", "export", "set", "unset", "umask",
            "ulimit", "exit", "exec", "source", ".", "alias", "unalias", "trap", "shopt", "readonly", "declare",
            "typeset", "local", "eval", "return", "shift", "hash", "enable", "builtin", "wait", "newgrp");

    /** How a RUN's script is attached to what comes before it in the merged RUN. */
    enum Join {
        /** On the next line, as the next commands of the script ({@code set -e} in effect). */
        DIRECT,
        /** After {@code &&}. */
        AND,
        /** After {@code &&}, wrapped in {@code { …; }}. */
        AND_BRACED
    }

    /**
     * One RUN of a merge.
     *
     * @param script  the script the RUN runs (its shell text, or its heredoc body)
     * @param options the shell options its top-level {@code set} commands turn on ({@code e}, {@code u},
     *                {@code x}, {@code v}, {@code pipefail}, …)
     * @param heredoc the RUN is written {@code RUN <<EOF}
     */
    record Part(Instruction.Run run, ShellScript script, Set<String> options, boolean heredoc) {
        ShellNode root() {
            return script.root();
        }
    }

    /** What to write: the parts, and how each part after the first is joined ({@code joins.get(0)} is null). */
    record Plan(List<Part> parts, List<Join> joins) {
    }

    /**
     * Merges {@code runs} (consecutive instructions of one stage, in file order) into one RUN: one heredoc script
     * when the file writes a RUN as {@code RUN <<EOF} somewhere, else joined with {@code &&} and continuations.
     *
     * @param description what the fix says it does
     */
    public static FixAttempt merge(Dockerfile df, List<Instruction.Run> runs, String description) {
        if (runs.size() < 2) {
            return FixAttempt.refused("there is only one RUN");
        }
        boolean heredoc = usesRunHeredocs(df);
        Object plan = plan(df, runs, heredoc);
        if (plan instanceof String why) {
            return FixAttempt.refused(why);
        }
        return heredoc ? HeredocMerge.merge(df, (Plan) plan, description) : continued(df, (Plan) plan, description);
    }

    /** The RUNs joined with {@code &&} and line continuations in the file's style. */
    private static FixAttempt continued(Dockerfile df, Plan plan, String description) {
        List<Part> parts = plan.parts();
        String indent = null;
        for (Part p : parts) {
            indent = Edits.continuationIndent(df, p.run());
            if (indent != null) {
                break;
            }
        }
        if (indent == null) {
            indent = "    ";
        }
        boolean leading = false;
        for (Part p : parts) {
            leading |= Edits.leadingOperators(df, p.run());
        }
        if (leading) {
            for (Part p : parts) {
                String own = operatorIndent(df, p.run());
                if (own != null) {
                    indent = own;
                    break;
                }
            }
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            ShellScript prev = parts.get(i - 1).script();
            ShellScript next = parts.get(i).script();
            int from = Edits.scriptEnd(prev);
            int to = next.root().span().startOffset();
            String cont = Edits.continuation(df, from);
            StringBuilder sb = new StringBuilder();
            if (leading) {
                sb.append(cont);
                for (String c : Edits.commentLines(df, from, to)) {
                    sb.append(c);
                }
                sb.append(indent).append("&& ");
            } else {
                sb.append(" &&").append(cont);
                for (String c : Edits.commentLines(df, from, to)) {
                    sb.append(c);
                }
                sb.append(indent);
            }
            boolean wrap = plan.joins().get(i) == Join.AND_BRACED;
            if (wrap) {
                sb.append("{ ");
            }
            edits.add(new Edit(from, to, sb.toString()));
            if (wrap) {
                int end = Edits.scriptEnd(next);
                edits.add(Edits.insert(end, endsWithSeparator(df, next.root().span().startOffset(), end)
                        ? " }" : "; }"));
            }
        }
        return FixAttempt.of(new Fix(description, edits));
    }

    /** The indentation of the instruction's first continuation line that starts with {@code &&} or {@code ||}. */
    private static String operatorIndent(Dockerfile df, Instruction in) {
        String src = df.source();
        for (int line = in.span().startLine() + 1; line <= in.span().endLine(); line++) {
            int start = df.lines().lineStart(line);
            int i = start;
            while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                i++;
            }
            if (src.startsWith("&&", i) || src.startsWith("||", i)) {
                return src.substring(start, i);
            }
        }
        return null;
    }

    /** True when some RUN of the file is written as a heredoc script ({@code RUN <<EOF} and its body). */
    static boolean usesRunHeredocs(Dockerfile df) {
        for (Instruction in : df.instructions()) {
            if (in instanceof Instruction.Run r && isScriptHeredoc(df, r)) {
                return true;
            }
        }
        return false;
    }

    /** The RUN's whole command is one heredoc opener ({@code RUN <<EOF}): BuildKit runs the body as the script. */
    static boolean isScriptHeredoc(Dockerfile df, Instruction.Run r) {
        if (r.command() == null || r.command().execForm() || r.command().shellText() == null
                || r.node().heredocs().size() != 1) {
            return false;
        }
        Heredoc h = r.node().heredocs().get(0);
        String marker = df.source().substring(h.span().startOffset(), h.span().endOffset());
        return r.command().shellText().text().strip().equals(marker);
    }

    /** A {@link Plan} when the RUNs can be merged, else (a String) why not. */
    static Object plan(Dockerfile df, List<Instruction.Run> runs, boolean heredocStyle) {
        List<Instruction> all = df.instructions();
        int firstIndex = indexOf(all, runs.get(0));
        if (firstIndex < 0) {
            return "the RUN is not in this file";
        }
        String flags = flags(runs.get(0));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Instruction.Run r = runs.get(i);
            boolean last = i == runs.size() - 1;
            String where = "the RUN on line " + r.line();
            if (i > 0 && (firstIndex + i >= all.size() || all.get(firstIndex + i) != r)) {
                return where + " does not directly follow the previous one";
            }
            if (r.command() == null || r.command().execForm()) {
                return where + " is in exec form";
            }
            if (!r.command().posixShell()) {
                return where + " runs under a SHELL that is not a POSIX shell";
            }
            boolean heredoc = !r.node().heredocs().isEmpty();
            if (heredoc && !isScriptHeredoc(df, r)) {
                return where + " has a here-document that is not its whole script";
            }
            if (heredoc && r.node().heredocs().get(0).body().startsWith("#!")) {
                return where + " runs its here-document as a #! script";
            }
            if (!flags(r).equals(flags)) {
                return where + " has other flags (" + flags(r) + ") than the RUN on line " + runs.get(0).line();
            }
            ShellScript s = script(r);
            if (s == null) {
                return where + " has shell text jlint does not fully understand";
            }
            String trailing = heredoc ? "" : df.source().substring(Edits.scriptEnd(s), r.span().endOffset()).strip();
            if (trailing.equals("&") || !last && Edits.endsInBackground(s.root())) {
                return where + " ends with a command sent to the background (&)";
            }
            if (heredocStyle) {
                if (s.text().text().contains("<<")) {
                    return where + " has a here-document or here-string inside its script";
                }
            } else if (!trailing.isEmpty() && !trailing.equals(";")) {
                return where + " ends with a shell comment or other trailing text";
            }
            Set<SimpleCommand> optionSets = new HashSet<>();
            Set<String> options = new LinkedHashSet<>();
            for (ShellNode n : topLevel(s.root())) {
                if (n instanceof SimpleCommand c && setOptions(c) != null) {
                    optionSets.add(c);
                    options.addAll(setOptions(c));
                }
            }
            if (!last) {
                String state = stateful(s.root(), optionSets);
                if (state != null) {
                    return where + " runs " + state + ", whose effect would carry over into the next RUN's commands";
                }
            }
            parts.add(new Part(r, s, options, heredoc));
        }
        Set<String> shellOptions = shellOptions(runs.get(0).command().shell());
        String carry = carryOver(parts, shellOptions);
        if (carry != null) {
            return carry;
        }
        return joins(parts, shellOptions, heredocStyle);
    }

    /**
     * Null when the options that earlier RUNs' {@code set} commands turn on change nothing in the later RUNs they now
     * carry over into, else why they would.
     */
    private static String carryOver(List<Part> parts, Set<String> shellOptions) {
        List<String> state = new ArrayList<>();
        List<Part> setBy = new ArrayList<>();
        for (int j = 1; j < parts.size(); j++) {
            for (String o : parts.get(j - 1).options()) {
                if (!shellOptions.contains(o) && !state.contains(o)) {
                    state.add(o);
                    setBy.add(parts.get(j - 1));
                }
            }
            if (state.isEmpty()) {
                continue;
            }
            Part pj = parts.get(j);
            List<ShellNode> top = topLevel(pj.root());
            Set<String> first = top.get(0) instanceof SimpleCommand c ? setOptions(c) : null;
            if (first != null && first.containsAll(state)) {
                continue; // the later RUN turns the same options on before anything else
            }
            for (int k = 0; k < state.size(); k++) {
                String o = state.get(k);
                if (!harmless(o, pj)) {
                    return "the RUN on line " + setBy.get(k).run().line() + " turns on the shell option "
                            + (o.length() == 1 ? "-" + o : "-o " + o) + ", which would carry over into the RUN on line "
                            + pj.run().line() + " and change what it does";
                }
            }
        }
        return null;
    }

    /**
     * How each part is joined, checking that {@code -e} (when it may be in effect) loses nothing: the shell ignores
     * {@code -e} in every command of an and-or list but the last, so what ends up before an {@code &&} must be
     * {@linkplain #errexitNeutral neutral} to that.
     */
    private static Object joins(List<Part> parts, Set<String> shellOptions, boolean heredocStyle) {
        List<Join> joins = new ArrayList<>();
        joins.add(null);
        Set<String> on = new HashSet<>(shellOptions);
        Part p0 = parts.get(0);
        on.addAll(p0.options());
        ShellNode pending = last(topLevel(p0.root()));
        boolean pendingUnderE = on.contains("e");
        Part pendingPart = p0;
        boolean inChain = false;
        for (int j = 1; j < parts.size(); j++) {
            Part pj = parts.get(j);
            boolean direct = heredocStyle && on.contains("e") && !inChain && plain(pending);
            if (direct) {
                joins.add(Join.DIRECT);
                pending = last(topLevel(pj.root()));
                inChain = false;
            } else {
                if (pendingUnderE && !errexitNeutral(pending)) {
                    return "set -e is in effect in the RUN on line " + pendingPart.run().line() + ", and inside a"
                            + " merged && list the shell would no longer stop at its failing commands";
                }
                joins.add(needsBraces(pj.root()) ? Join.AND_BRACED : Join.AND);
                pending = pj.root();
                inChain = true;
            }
            pendingUnderE = on.contains("e") || pj.options().contains("e");
            pendingPart = pj;
            on.addAll(pj.options());
        }
        return new Plan(parts, joins);
    }

    private static ShellNode last(List<ShellNode> nodes) {
        return nodes.get(nodes.size() - 1);
    }

    /** The commands of the script's top-level list, in order (the root alone when it is not a list). */
    static List<ShellNode> topLevel(ShellNode root) {
        if (root instanceof ShellNode.Sequence q) {
            return q.elements();
        }
        return List.of(root);
    }

    /** A command whose failure ends the script under {@code set -e}: a simple command or a pipeline without !. */
    private static boolean plain(ShellNode n) {
        return n instanceof SimpleCommand || n instanceof ShellNode.Pipeline p && !p.negated();
    }

    /**
     * True when {@code set -e} changes nothing inside the node, wherever it runs: a simple command (whose command
     * substitutions hold one command each), a pipeline of such, an and-or list of such.
     */
    static boolean errexitNeutral(ShellNode n) {
        if (n instanceof SimpleCommand c) {
            return simpleSubstitutions(c);
        }
        if (n instanceof ShellNode.Pipeline p) {
            for (ShellNode e : p.elements()) {
                if (!(e instanceof SimpleCommand c) || !simpleSubstitutions(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof ShellNode.AndOrList l) {
            for (ShellNode e : l.elements()) {
                if (!errexitNeutral(e)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Every command substitution in the command's words holds no list, pipe or background job. */
    private static boolean simpleSubstitutions(SimpleCommand c) {
        List<Word> words = new ArrayList<>(c.words());
        for (Assignment a : c.assignments()) {
            if (a.value() != null) {
                words.add(a.value());
            }
        }
        for (Redirect r : c.redirects()) {
            if (r.target() != null) {
                words.add(r.target());
            }
        }
        for (Word w : words) {
            String raw = w.raw();
            if ((raw.contains("$(") || raw.contains("`")) && raw.matches("(?s).*[;&|\\n].*")) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when shell option {@code o}, turned on by an earlier RUN, changes nothing in {@code p}: {@code -e} for a
     * simple command, pipeline or and-or list of them; {@code -u} without parameter expansion; {@code -x}/{@code -v}
     * (a trace on standard error) without any redirection; pipefail without a pipe.
     */
    private static boolean harmless(String o, Part p) {
        ShellScript s = p.script();
        String text = s.text().text();
        return switch (o) {
            case "e" -> errexitNeutral(s.root());
            case "u" -> !expandsParameters(text);
            case "x", "v" -> !redirects(s);
            case "pipefail" -> !text.replace("||", "").contains("|");
            default -> false;
        };
    }

    /** A {@code $} that is not the start of a command substitution {@code $(…)}. */
    private static boolean expandsParameters(String text) {
        for (int i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '(' || i + 2 < text.length()
                    && text.charAt(i + 2) == '(') {
                return true;
            }
        }
        return false;
    }

    private static boolean redirects(ShellScript s) {
        for (SimpleCommand c : s.commands()) {
            if (!c.redirects().isEmpty()) {
                return true;
            }
        }
        return redirects(s.root());
    }

    private static boolean redirects(ShellNode n) {
        if (n instanceof ShellNode.Group g) {
            return !g.redirects().isEmpty() || g.body() != null && redirects(g.body());
        }
        if (n instanceof ShellNode.Compound c) {
            if (!c.redirects().isEmpty()) {
                return true;
            }
            for (ShellNode part : c.parts()) {
                if (redirects(part)) {
                    return true;
                }
            }
            return false;
        }
        List<ShellNode> kids = n instanceof ShellNode.Pipeline p ? p.elements()
                : n instanceof ShellNode.AndOrList l ? l.elements()
                : n instanceof ShellNode.Sequence q ? q.elements() : List.of();
        for (ShellNode k : kids) {
            if (redirects(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The options a {@code set} command turns on ({@code set -eux}, {@code set -euo pipefail}, {@code set -o errexit}:
     * single letters, or the long name for {@code -o} options other than errexit/nounset/xtrace/verbose), or null
     * when it is not such a command (it turns an option off, sets positional parameters, prints…).
     */
    static Set<String> setOptions(SimpleCommand c) {
        List<Word> w = c.words();
        if (c.inSubstitution() || !c.assignments().isEmpty() || !c.redirects().isEmpty() || w.size() < 2
                || !w.get(0).literal() || !w.get(0).value().equals("set")) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < w.size(); i++) {
            String a = w.get(i).value();
            if (!w.get(i).literal() || !a.matches("-[a-zA-Z]+")) {
                return null;
            }
            for (int k = 1; k < a.length(); k++) {
                char ch = a.charAt(k);
                if (ch == 'o') {
                    if (k != a.length() - 1 || i + 1 >= w.size() || !w.get(i + 1).literal()) {
                        return null;
                    }
                    out.add(longOption(w.get(++i).value()));
                } else {
                    out.add(String.valueOf(ch));
                }
            }
        }
        return out;
    }

    private static String longOption(String name) {
        return switch (name) {
            case "errexit" -> "e";
            case "nounset" -> "u";
            case "xtrace" -> "x";
            case "verbose" -> "v";
            default -> name;
        };
    }

    /** The options the SHELL instruction turns on for every RUN ({@code ["/bin/bash", "-euo", "pipefail", "-c"]}). */
    static Set<String> shellOptions(List<String> shell) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i < shell.size(); i++) {
            String a = shell.get(i);
            if (a.startsWith("--") || !a.startsWith("-") || a.length() < 2) {
                continue;
            }
            boolean command = false;
            for (int k = 1; k < a.length(); k++) {
                char ch = a.charAt(k);
                if (ch == 'c') {
                    command = true;
                } else if (ch == 'o' || ch == 'O') {
                    if (i + 1 < shell.size()) {
                        String name = shell.get(++i);
                        if (ch == 'o') {
                            out.add(longOption(name));
                        }
                    }
                    break;
                } else {
                    out.add(String.valueOf(ch));
                }
            }
            if (command) {
                break;
            }
        }
        return out;
    }

    private static int indexOf(List<Instruction> all, Instruction in) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == in) {
                return i;
            }
        }
        return -1;
    }

    private static String flags(Instruction.Run r) {
        List<String> out = new ArrayList<>();
        for (Flag f : r.flags()) {
            out.add(f.raw());
        }
        return String.join(" ", out);
    }

    private static ShellScript script(Instruction.Run r) {
        if (r.command() == null || r.command().scripts().size() != 1) {
            return null;
        }
        ShellScript s = r.command().scripts().get(0);
        return s.complete() && s.root() != null ? s : null;
    }

    /** A top-level command (not inside a subshell or substitution) that changes the shell's state, or null. */
    static String statefulCommand(ShellScript s) {
        return stateful(s.root(), Set.of());
    }

    /** Like {@link #statefulCommand}, not counting the given {@code set} commands (they only turn options on). */
    private static String stateful(ShellNode n, Set<SimpleCommand> allowed) {
        if (n instanceof SimpleCommand c) {
            if (c.inSubstitution() || allowed.contains(c)) {
                return null;
            }
            if (c.words().isEmpty() && !c.assignments().isEmpty()) {
                return "a variable assignment (" + c.assignments().get(0).name() + "=…)";
            }
            String p = c.words().isEmpty() ? "" : c.words().get(0).value();
            if (STATEFUL.contains(p)) {
                return p;
            }
            if (c.words().isEmpty() && !c.redirects().isEmpty()) {
                return "a bare redirection";
            }
            return null;
        }
        if (n instanceof ShellNode.Pipeline p) {
            // every element of a multi-command pipeline runs in a subshell (in bash and dash)
            return p.elements().size() == 1 ? stateful(p.elements().get(0), allowed) : null;
        }
        if (n instanceof ShellNode.AndOrList l) {
            for (ShellNode e : l.elements()) {
                String s = stateful(e, allowed);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (n instanceof ShellNode.Sequence q) {
            for (ShellNode e : q.elements()) {
                String s = stateful(e, allowed);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (n instanceof ShellNode.Group g) {
            if (g.subshell()) {
                return null;
            }
            return g.body() == null ? null : stateful(g.body(), allowed);
        }
        if (n instanceof ShellNode.Compound c) {
            if (c.keyword().equals("function")) {
                return "a function definition";
            }
            for (ShellNode part : c.parts()) {
                String s = stateful(part, allowed);
                if (s != null) {
                    return s;
                }
            }
            // loop variables (for x in …) stay set after the loop
            if (c.keyword().equals("for") || c.keyword().equals("select")) {
                return "a for loop (its variable stays set)";
            }
            return null;
        }
        return null;
    }

    private static boolean endsWithSeparator(Dockerfile df, int start, int end) {
        String src = df.source();
        for (int i = end - 1; i >= start; i--) {
            char ch = src.charAt(i);
            if (ch != ' ' && ch != '\t') {
                return ch == ';' || ch == '&';
            }
        }
        return false;
    }

    /**
     * A later RUN's text must be one and-or list of {@code &&} only to sit after {@code &&}: lists joined by
     * {@code ;}, {@code &} or newlines are wrapped, and so are lists with {@code ||} ({@code x && a || b} runs
     * {@code b} when {@code x} fails).
     */
    static boolean needsBraces(ShellNode root) {
        if (root instanceof ShellNode.Sequence) {
            return true;
        }
        return root instanceof ShellNode.AndOrList l && l.operators().contains("||");
    }
}
