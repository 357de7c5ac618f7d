package io.jlint.fix;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Merges consecutive shell-form RUNs of one stage into the first of them, joined with {@code &&} and line
 * continuations: {@code RUN a} / {@code RUN b} becomes {@code RUN a && \} / {@code     b}. The merged RUN fails
 * exactly when one of the originals would have failed, and runs the same commands in the same order, because:
 * <ul>
 * <li>each later RUN's text is one and-or list (or is wrapped in {@code { …; }}), so {@code &&} guards all of it;</li>
 * <li>no earlier RUN changes what the shell hands on to the next command: no top-level {@code cd}, {@code export},
 *     {@code set}, {@code umask}, {@code exit}, {@code exec}, {@code source}, variable assignment, function
 *     definition… (a separate RUN starts a fresh shell in WORKDIR);</li>
 * <li>the RUNs have the same flags ({@code --mount}, {@code --network}, {@code --security}), the same SHELL, and
 *     nothing but comments and blank lines between them.</li>
 * </ul>
 * Comment lines between the RUNs stay where they were (BuildKit skips comment lines inside a continued
 * instruction); blank lines between them go, since a blank line inside a continued instruction is deprecated.
 */
public final class RunMerger {
    private RunMerger() {
    }

    /** Shell commands whose effect lasts into the next command of the same shell. */
    private static final Set<String> STATEFUL = Set.of("cd", "pushd", "popd", "export", "set", "unset", "umask",
            "ulimit", "exit", "exec", "source", ".", "alias", "unalias", "trap", "shopt", "readonly", "declare",
            "typeset", "local", "eval", "return", "shift", "hash", "enable", "builtin", "wait", "newgrp");

    /**
     * Merges {@code runs} (consecutive instructions of one stage, in file order) into one RUN.
     *
     * @param description what the fix says it does
     */
    public static FixAttempt merge(Dockerfile df, List<Instruction.Run> runs, String description) {
        if (runs.size() < 2) {
            return FixAttempt.refused("there is only one RUN");
        }
        String why = mergeable(df, runs);
        if (why != null) {
            return FixAttempt.refused(why);
        }
        Instruction.Run first = runs.get(0);
        String indent = null;
        for (Instruction.Run r : runs) {
            indent = Edits.continuationIndent(df, r);
            if (indent != null) {
                break;
            }
        }
        if (indent == null) {
            indent = "    ";
        }
        boolean leading = false;
        for (Instruction.Run r : runs) {
            leading |= Edits.leadingOperators(df, r);
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            ShellScript prev = script(runs.get(i - 1));
            ShellScript next = script(runs.get(i));
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
            boolean wrap = needsBraces(next.root());
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
        if (first.command().scripts().isEmpty()) {
            return FixAttempt.refused("the first RUN has no command");
        }
        return FixAttempt.of(new Fix(description, edits));
    }

    /** Null when the RUNs can be merged, else why not. */
    static String mergeable(Dockerfile df, List<Instruction.Run> runs) {
        List<Instruction> all = df.instructions();
        int firstIndex = indexOf(all, runs.get(0));
        if (firstIndex < 0) {
            return "the RUN is not in this file";
        }
        String flags = flags(runs.get(0));
        for (int i = 0; i < runs.size(); i++) {
            Instruction.Run r = runs.get(i);
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
            if (!r.node().heredocs().isEmpty()) {
                return where + " has a here-document";
            }
            if (!flags(r).equals(flags)) {
                return where + " has other flags (" + flags(r) + ") than the RUN on line " + runs.get(0).line();
            }
            ShellScript s = script(r);
            if (s == null) {
                return where + " has shell text jlint does not fully understand";
            }
            String trailing = df.source().substring(Edits.scriptEnd(s), r.span().endOffset()).strip();
            if (trailing.equals("&") || i < runs.size() - 1 && Edits.endsInBackground(s.root())) {
                return where + " ends with a command sent to the background (&)";
            }
            if (!trailing.isEmpty() && !trailing.equals(";")) {
                return where + " ends with a shell comment or other trailing text";
            }
            if (i < runs.size() - 1) {
                String state = statefulCommand(s);
                if (state != null) {
                    return where + " runs " + state + ", whose effect would carry over into the next RUN's commands";
                }
            }
        }
        return null;
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
        return stateful(s.root());
    }

    private static String stateful(ShellNode n) {
        if (n instanceof SimpleCommand c) {
            if (c.inSubstitution()) {
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
            return p.elements().size() == 1 ? stateful(p.elements().get(0)) : null;
        }
        if (n instanceof ShellNode.AndOrList l) {
            for (ShellNode e : l.elements()) {
                String s = stateful(e);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        if (n instanceof ShellNode.Sequence q) {
            for (ShellNode e : q.elements()) {
                String s = stateful(e);
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
            return g.body() == null ? null : stateful(g.body());
        }
        if (n instanceof ShellNode.Compound c) {
            if (c.keyword().equals("function")) {
                return "a function definition";
            }
            for (ShellNode part : c.parts()) {
                String s = stateful(part);
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

    /** A later RUN's text must be one and-or list to sit after {@code &&}; lists joined by ; or & are wrapped. */
    private static boolean needsBraces(ShellNode root) {
        return root instanceof ShellNode.Sequence;
    }
}
