package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;
import java.util.List;

/** A node of a parsed POSIX shell command line. */
public sealed interface ShellNode permits SimpleCommand, ShellNode.Pipeline, ShellNode.AndOrList,
        ShellNode.Sequence, ShellNode.Group, ShellNode.Compound {

    Span span();

    /** {@code a | b | c}; {@code negated} for a leading {@code !}. */
    record Pipeline(List<ShellNode> elements, boolean negated, Span span) implements ShellNode {
        public Pipeline {
            elements = List.copyOf(elements);
        }
    }

    /** {@code a && b || c}: {@code operators.get(i)} joins {@code elements.get(i)} and {@code elements.get(i+1)}. */
    record AndOrList(List<ShellNode> elements, List<String> operators, Span span) implements ShellNode {
        public AndOrList {
            elements = List.copyOf(elements);
            operators = List.copyOf(operators);
        }
    }

    /** Commands separated by {@code ;}, {@code &} or newlines; {@code separators.get(i)} follows element i. */
    record Sequence(List<ShellNode> elements, List<String> separators, Span span) implements ShellNode {
        public Sequence {
            elements = List.copyOf(elements);
            separators = List.copyOf(separators);
        }
    }

    /** {@code ( … )} when {@code subshell}, else {@code { …; }}. */
    record Group(ShellNode body, boolean subshell, List<Redirect> redirects, Span span) implements ShellNode {
        public Group {
            redirects = List.copyOf(redirects);
        }
    }

    /**
     * {@code if}, {@code for}, {@code select}, {@code while}, {@code until}, {@code case}, a function definition
     * ({@code keyword} "function") or an arithmetic command ({@code keyword} "((", no parts): {@code parts} are
     * the condition/body lists in source order (if: condition, then-body, [elif condition, body]…, [else-body];
     * for/select: body; while/until: condition, body; case: one body per pattern list; function: its body). An
     * empty list is an empty {@link Sequence}. Loop word lists and case patterns are not kept (commands in their
     * substitutions are in {@link ShellScript#commands()}).
     */
    record Compound(String keyword, List<ShellNode> parts, List<Redirect> redirects, Span span) implements ShellNode {
        public Compound {
            parts = List.copyOf(parts);
            redirects = List.copyOf(redirects);
        }
    }
}
