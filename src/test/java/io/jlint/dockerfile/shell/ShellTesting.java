package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import java.util.stream.Collectors;

/** Test helpers: parse a string, and print a syntax tree compactly for golden comparisons. */
final class ShellTesting {
    private ShellTesting() {
    }

    static ShellScript parse(String text) {
        return ShellParser.parse(MappedText.contiguous(text, 0, LineIndex.of(text)));
    }

    /** The tree of {@code text}, printed by {@link #dump}; fails the test on an incomplete parse. */
    static String tree(String text) {
        ShellScript s = parse(text);
        if (!s.complete()) {
            throw new AssertionError("incomplete parse of: " + text);
        }
        return dump(s.root());
    }

    /** Every command (in commands() order), printed by {@link #dump}, joined with " ". */
    static String commands(String text) {
        return parse(text).commands().stream().map(ShellTesting::dump).collect(Collectors.joining(" "));
    }

    /**
     * Commands print as {@code [A=v word word >target]} (values after quote removal; {@code $[…]} when in a
     * substitution), other nodes as {@code (kind children…)} with operators and separators in between.
     */
    static String dump(ShellNode node) {
        if (node == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        if (node instanceof SimpleCommand c) {
            b.append(c.inSubstitution() ? "$[" : "[");
            StringBuilder in = new StringBuilder();
            for (Assignment a : c.assignments()) {
                in.append(' ').append(a.name()).append('=').append(a.value().value());
            }
            for (Word w : c.words()) {
                in.append(' ').append(w.value());
            }
            for (Redirect r : c.redirects()) {
                in.append(' ').append(redirect(r));
            }
            b.append(in.length() > 0 ? in.substring(1) : "").append(']');
        } else if (node instanceof ShellNode.Pipeline p) {
            b.append(p.negated() ? "(!|" : "(|");
            p.elements().forEach(e -> b.append(' ').append(dump(e)));
            b.append(')');
        } else if (node instanceof ShellNode.AndOrList a) {
            b.append("(and ").append(dump(a.elements().get(0)));
            for (int i = 1; i < a.elements().size(); i++) {
                b.append(' ').append(a.operators().get(i - 1)).append(' ').append(dump(a.elements().get(i)));
            }
            b.append(')');
        } else if (node instanceof ShellNode.Sequence q) {
            b.append("(seq");
            for (int i = 0; i < q.elements().size(); i++) {
                b.append(' ').append(dump(q.elements().get(i)));
                if (i < q.separators().size()) {
                    b.append(' ').append(q.separators().get(i).equals("\n") ? "NL" : q.separators().get(i));
                }
            }
            b.append(')');
        } else if (node instanceof ShellNode.Group g) {
            b.append(g.subshell() ? "(subshell " : "(group ").append(dump(g.body()));
            g.redirects().forEach(r -> b.append(' ').append(redirect(r)));
            b.append(')');
        } else if (node instanceof ShellNode.Compound k) {
            b.append('(').append(k.keyword());
            k.parts().forEach(e -> b.append(' ').append(dump(e)));
            k.redirects().forEach(r -> b.append(' ').append(redirect(r)));
            b.append(')');
        }
        return b.toString();
    }

    private static String redirect(Redirect r) {
        return r.operator() + (r.target() == null ? "" : r.target().value());
    }
}
