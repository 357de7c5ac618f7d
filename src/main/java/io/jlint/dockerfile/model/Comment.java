package io.jlint.dockerfile.model;

/** A comment line (text after {@code #}, untrimmed) outside heredoc bodies; directives are not comments. */
public record Comment(String text, Span span) {
}
