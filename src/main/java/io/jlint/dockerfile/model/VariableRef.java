package io.jlint.dockerfile.model;

/**
 * A variable reference in instruction arguments: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-word}},
 * {@code ${NAME-word}}, {@code ${NAME:+word}}, {@code ${NAME+word}}, {@code ${NAME:?msg}}, {@code ${NAME#pat}} and
 * the other forms BuildKit supports. {@code operator} is null for plain references, otherwise the operator text
 * ({@code ":-"}, {@code "-"}, {@code ":+"}, {@code "+"}, {@code ":?"}, {@code "?"}, {@code "#"}, {@code "##"},
 * {@code "%"}, {@code "%%"}, {@code "/"}, {@code "//"}); {@code word} the operand (unexpanded) or null.
 */
public record VariableRef(String name, String operator, String word, Span span) {
}
