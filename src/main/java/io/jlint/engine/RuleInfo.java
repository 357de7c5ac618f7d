package io.jlint.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's identity. The catalogue test checks it against the rule's {@code rules/<id>.md} header and its
 * {@code testdata/} folder.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, e.g. {@code JL101}. */
    String id();

    /** Short kebab-case name, e.g. {@code copy-context-before-deps}; accepted wherever an id is. */
    String name();

    Category category();

    Severity severity();

    /** One line: what the rule finds. */
    String summary();

    /** True when findings carry a {@link io.jlint.fix.Fix}. */
    boolean fixable() default false;

    /** Equivalent rule ids in other tools, e.g. {@code hadolint:DL3059}, {@code buildkit:JSONArgsRecommended}. */
    String[] equivalents() default {};
}
