package io.jlint.engine;

import io.jlint.dockerfile.model.Span;
import io.jlint.fix.Fix;

/** Where a rule reports. Category and severity come from the rule's {@link RuleInfo}. */
public interface FindingSink {

    void report(Location location, String message, Fix fix);

    default void report(Span span, String message) {
        report(new Location.Source(span), message, null);
    }

    default void report(Span span, String message, Fix fix) {
        report(new Location.Source(span), message, fix);
    }

    default void reportImage(Integer layer, String file, String message) {
        report(new Location.InImage(layer, file), message, null);
    }
}
