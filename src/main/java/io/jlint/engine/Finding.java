package io.jlint.engine;

import io.jlint.fix.Fix;

/**
 * One problem found. {@code message} says what is wrong and why in one sentence and what to write instead;
 * {@code fix} is null when no safe automatic rewrite exists.
 */
public record Finding(String rule, Category category, Severity severity, String message, Location location,
                      Fix fix) {

    public Finding withSeverity(Severity s) {
        return new Finding(rule, category, s, message, location, fix);
    }
}
