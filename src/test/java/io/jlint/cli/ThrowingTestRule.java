package io.jlint.cli;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;

/**
 * A rule with a bug: throws on files that contain "BOOM". Not registered for the normal tests; {@link LintCommandTest}
 * registers it in a separate JVM to see how jlint reports a failing rule.
 */
@RuleInfo(id = "JL999", name = "test-throws", category = Category.CORRECTNESS, severity = Severity.ERROR,
        summary = "throws on BOOM")
public final class ThrowingTestRule implements Rule<Dockerfile> {
    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext context, FindingSink out) {
        if (df.source().contains("BOOM")) {
            throw new IllegalStateException("the test rule failed on purpose");
        }
    }
}
