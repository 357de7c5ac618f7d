package io.jlint.dockerfile.model;

/**
 * One {@code key=value} pair of ENV, ARG or LABEL. For ARG without default, {@code value} is null. {@code value}
 * is the processed value (quotes removed, escapes applied, as BuildKit dispatches it, variables NOT expanded);
 * {@code rawValue} is the text as written. {@code legacy} marks the space-separated {@code ENV key value} form.
 */
public record KeyValue(String key, String value, String rawValue, boolean legacy, Span span) {
}
