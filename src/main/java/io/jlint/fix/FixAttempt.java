package io.jlint.fix;

import java.util.Objects;

/**
 * What a fix builder gives back: a {@link Fix}, or the reason no behaviour-preserving rewrite exists (which the rule
 * adds to its finding, so users learn why {@code jlint fix} left it alone).
 */
public record FixAttempt(Fix fix, String refusal) {

    public FixAttempt {
        if ((fix == null) == (refusal == null)) {
            throw new IllegalArgumentException("a fix attempt has either a fix or a refusal");
        }
    }

    public static FixAttempt of(Fix fix) {
        return new FixAttempt(Objects.requireNonNull(fix), null);
    }

    public static FixAttempt refused(String why) {
        return new FixAttempt(null, Objects.requireNonNull(why));
    }

    public boolean fixed() {
        return fix != null;
    }

    /** The finding's message, with "; not fixed automatically: …" appended when there is no fix. */
    public String message(String message) {
        return fix != null ? message : message + " (jlint fix leaves this alone: " + refusal + ")";
    }
}
