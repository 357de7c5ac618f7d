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

    /** The rule's identity: from the build-time {@link RuleIndex} when the rule is in it, else its annotation. */
    default RuleInfo info() {
        RuleInfo indexed = RuleIndex.infoOf(getClass());
        return indexed != null ? indexed : getClass().getAnnotation(RuleInfo.class);
    }
}
