package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;

/**
 * A shell word.
 *
 * @param raw     the text as written (quotes and escapes included)
 * @param value   the word after quote removal and backslash processing; parameter expansions and command
 *                substitutions are kept as written (e.g. {@code $HOME/x}, {@code $(nproc)})
 * @param literal true when the value is exactly what the shell would pass: no unquoted or quoted expansion, no
 *                command substitution, no unquoted glob character
 * @param span    where the word is in the Dockerfile
 */
public record Word(String raw, String value, boolean literal, Span span) {
}
