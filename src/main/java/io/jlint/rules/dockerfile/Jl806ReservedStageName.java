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
import java.util.Locale;
import java.util.Set;

/** A stage named {@code scratch} or {@code context}: names BuildKit reserves for the empty image and the context. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL806", name = "reserved-stage-name", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "A stage is named scratch or context, names BuildKit reserves",
        equivalents = {"buildkit:ReservedStageName"})
public final class Jl806ReservedStageName implements Rule<Dockerfile> {

    private static final Set<String> RESERVED = Set.of("scratch", "context");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Stage s : df.stages()) {
            if (s.name() != null && RESERVED.contains(s.name().toLowerCase(Locale.ROOT))) {
                String meaning = s.name().equalsIgnoreCase("scratch") ? "the empty base image" : "the build context";
                out.report(s.from().span(), "stage name '" + s.name() + "' is reserved: it already means " + meaning
                        + ", so FROM and --from references to it are ambiguous; rename the stage");
            }
        }
    }
}
