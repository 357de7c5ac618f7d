package io.jlint.engine;

/**
 * A check over a subject (a parsed Dockerfile or an analysed image). Implementations carry {@link RuleInfo} and
 * are registered with {@code @AutoService(Rule.class)}, so they are discovered, never listed by hand. They must be
 * stateless: one instance checks many subjects, possibly from several threads.
 *
 * @param <T> the subject type
 */
public interface Rule<T> {

    /** The subject type this rule checks. */
    Class<T> subjectType();

    void check(T subject, RuleContext context, FindingSink out);

    default RuleInfo info() {
        return getClass().getAnnotation(RuleInfo.class);
    }
}
