package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;

/** A redirection such as {@code >/dev/null}, {@code 2>&1}, {@code <<EOF}; {@code target} may be null for here-docs. */
public record Redirect(String operator, Word target, Span span) {
}
