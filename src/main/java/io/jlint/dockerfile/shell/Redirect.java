package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;

/**
 * A redirection such as {@code >/dev/null}, {@code 2>&1}, {@code <<EOF}; {@code target} may be null for here-docs.
 *
 * <p>{@code operator} is written as in the source, with its file descriptor digits if any: {@code >},
 * {@code 2>}, {@code >>}, {@code 2>&} (target {@code 1}), {@code &>}, {@code &>>}, {@code <}, {@code <<},
 * {@code <<-}, {@code <<<}, {@code >|}, {@code <>}, {@code <&}, {@code >&}. For a here-document the target is the
 * delimiter word (its value unquoted, its raw text showing whether it was quoted); the body is not part of the
 * redirect. The target is null only when the text ends before it (the script is then incomplete).
 */
public record Redirect(String operator, Word target, Span span) {

    /** The operator without its file descriptor digits ({@code 2>&} gives {@code >&}). */
    public String symbol() {
        int i = 0;
        while (i < operator.length() && Character.isDigit(operator.charAt(i))) {
            i++;
        }
        return operator.substring(i);
    }

    /** The file descriptor written before the operator, or -1 when none was written. */
    public int fd() {
        int i = 0;
        while (i < operator.length() && Character.isDigit(operator.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 9) {
            return -1;
        }
        return Integer.parseInt(operator.substring(0, i));
    }

    /** {@code <<} or {@code <<-}: a here-document (not the {@code <<<} here-string). */
    public boolean isHereDoc() {
        String s = symbol();
        return s.equals("<<") || s.equals("<<-");
    }
}
