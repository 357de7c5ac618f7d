package io.jlint.engine;

/** What a rule may know besides its subject: the effective configuration. */
public interface RuleContext {

    Config config();

    /**
     * The build context folder when the caller knows it ({@code jlint fix --context}, {@code jlint rebuild}), else
     * null. Only fixes look at it, to prove what an instruction reads; findings never depend on it.
     */
    default java.nio.file.Path buildContext() {
        return null;
    }
}
