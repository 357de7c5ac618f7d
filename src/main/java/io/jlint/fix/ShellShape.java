package io.jlint.fix;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.Redirect;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a parsed shell script as the shell executes it: the tree of lists, and-or lists, pipelines, groups
 * and compound commands, with every simple command as its words after quote removal (and its assignments and
 * redirections), followed by every simple command of the script in order (those inside command substitutions
 * included). Layout does not count: blanks, comments, line continuations, and a newline versus {@code ;} between
 * two commands give the same shape. Two texts with the same shape run the same commands with the same control
 * flow, so a fix that rewrites shell text checks its result by comparing shapes.
 */
final class ShellShape {
    private ShellShape() {
    }

    /** Parses {@code text} on its own (offsets are indexes into it). */
    static ShellScript parse(String text) {
        return ShellParser.parse(MappedText.contiguous(text, 0, LineIndex.of(text)));
    }

    /** The shape of a script, or null when it was not parsed completely. */
    static String of(ShellScript s) {
        if (s == null || !s.complete() || s.root() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        node(s.root(), sb);
        sb.append(" || ");
        for (SimpleCommand c : s.commands()) {
            command(c, sb);
            sb.append(' ');
        }
        return sb.toString();
    }

    /** The shape of a tree alone. */
    static String of(ShellNode n) {
        StringBuilder sb = new StringBuilder();
        node(n, sb);
        return sb.toString();
    }

    private static void node(ShellNode n, StringBuilder sb) {
        if (n == null) {
            sb.append("()");
        } else if (n instanceof SimpleCommand c) {
            command(c, sb);
        } else if (n instanceof ShellNode.Pipeline p) {
            if (p.elements().size() == 1 && !p.negated()) {
                node(p.elements().get(0), sb);
                return;
            }
            sb.append(p.negated() ? "P!(" : "P(");
            for (int i = 0; i < p.elements().size(); i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                node(p.elements().get(i), sb);
            }
            sb.append(')');
        } else if (n instanceof ShellNode.AndOrList l) {
            if (l.elements().size() == 1) {
                node(l.elements().get(0), sb);
                return;
            }
            sb.append("A(");
            for (int i = 0; i < l.elements().size(); i++) {
                if (i > 0) {
                    sb.append(' ').append(l.operators().get(i - 1)).append(' ');
                }
                node(l.elements().get(i), sb);
            }
            sb.append(')');
        } else if (n instanceof ShellNode.Sequence q) {
            List<String> seps = separators(q);
            if (q.elements().size() == 1 && seps.get(0).isEmpty()) {
                node(q.elements().get(0), sb);
                return;
            }
            sb.append("S(");
            for (int i = 0; i < q.elements().size(); i++) {
                node(q.elements().get(i), sb);
                sb.append(seps.get(i));
            }
            sb.append(')');
        } else if (n instanceof ShellNode.Group g) {
            sb.append(g.subshell() ? "SUB(" : "G(");
            node(g.body(), sb);
            sb.append(')');
            redirects(g.redirects(), sb);
        } else if (n instanceof ShellNode.Compound c) {
            sb.append(c.keyword()).append('(');
            for (ShellNode part : c.parts()) {
                node(part, sb);
                sb.append(", ");
            }
            sb.append(')');
            redirects(c.redirects(), sb);
        }
    }

    /**
     * The separator after each element: {@code ";"} between commands run one after the other ({@code ;} or a
     * newline), {@code " & "} after a command sent to the background, {@code ""} after the last one unless it is
     * sent to the background.
     */
    private static List<String> separators(ShellNode.Sequence q) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < q.elements().size(); i++) {
            String sep = i < q.separators().size() ? q.separators().get(i).strip() : "";
            if (sep.equals("&")) {
                out.add(" & ");
            } else {
                out.add(i == q.elements().size() - 1 ? "" : "; ");
            }
        }
        return out;
    }

    private static void command(SimpleCommand c, StringBuilder sb) {
        sb.append(c.inSubstitution() ? "$C[" : "C[");
        for (Assignment a : c.assignments()) {
            sb.append(a.name()).append('=').append(a.value() == null ? "" : a.value().value()).append(' ');
        }
        for (Word w : c.words()) {
            sb.append('<').append(w.value()).append("> ");
        }
        redirects(c.redirects(), sb);
        sb.append(']');
    }

    private static void redirects(List<Redirect> rs, StringBuilder sb) {
        for (Redirect r : rs) {
            sb.append(r.operator()).append('<').append(r.target() == null ? "" : r.target().value()).append("> ");
        }
    }
}
