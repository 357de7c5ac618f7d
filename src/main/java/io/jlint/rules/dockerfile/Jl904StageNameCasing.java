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

/** A stage name with upper-case letters: references ignore case, so lower-case names avoid mismatched spellings. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL904", name = "stage-name-casing", category = Category.MAINTAINABILITY, severity = Severity.STYLE,
        summary = "A stage name has upper-case letters; stage names are conventionally lower-case",
        equivalents = {"buildkit:StageNameCasing"})
public final class Jl904StageNameCasing implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Stage s : df.stages()) {
            String name = s.name();
            if (name != null && !name.equals(name.toLowerCase(Locale.ROOT))) {
                out.report(s.from().span(), "stage name '" + name + "' has upper-case letters, but stage references "
                        + "ignore case and image references are lower-case, so mixed spellings creep in; name it '"
                        + name.toLowerCase(Locale.ROOT) + "'");
            }
        }
    }
}
