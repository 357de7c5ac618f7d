package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;

/** A {@code NAME=value} prefix of a simple command (or a bare assignment command). */
public record Assignment(String name, Word value, Span span) {
}
