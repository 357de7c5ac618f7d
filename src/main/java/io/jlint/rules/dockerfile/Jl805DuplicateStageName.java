package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Two stages with the same name (names compare case-insensitively). */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL805", name = "duplicate-stage-name", category = Category.CORRECTNESS, severity = Severity.ERROR,
        summary = "Two stages share a name, so --from, FROM and --target references to it are ambiguous",
        equivalents = {"hadolint:DL3024", "buildkit:DuplicateStageName", "trivy:DS012"})
public final class Jl805DuplicateStageName implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Map<String, Stage> seen = new HashMap<>();
        for (Stage s : df.stages()) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            String key = s.name().toLowerCase(Locale.ROOT);
            Stage first = seen.putIfAbsent(key, s);
            if (first != null) {
                out.report(s.from().span(), "stage name '" + s.name() + "' is already used by the stage on line "
                        + first.from().line() + " (names ignore case), so references to it and --target pick one "
                        + "of them silently; give this stage its own name");
            }
        }
    }
}
