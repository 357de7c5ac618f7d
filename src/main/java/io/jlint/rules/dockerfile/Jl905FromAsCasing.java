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
import java.util.List;
import java.util.Locale;

/** {@code FROM image as name} (or {@code from image AS name}): the AS keyword's case differs from FROM's. */
@AutoService(Rule.class)
@RuleInfo(id = "JL905", name = "from-as-casing", category = Category.MAINTAINABILITY, severity = Severity.STYLE,
        summary = "The AS keyword of a FROM line is not written in the same case as FROM",
        equivalents = {"buildkit:FromAsCasing"})
public final class Jl905FromAsCasing implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Stage s : df.stages()) {
            if (s.from() == null || s.name() == null) {
                continue;
            }
            String keyword = s.from().node().keyword();
            String as = asKeyword(s.from().node().args());
            if (keyword == null || as == null) {
                continue;
            }
            boolean fromUpper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
            boolean fromLower = keyword.equals(keyword.toLowerCase(Locale.ROOT));
            if (fromUpper && !as.equals("AS")) {
                out.report(s.from().span(), "'" + as + "' is written in a different case than '" + keyword
                        + "'; write FROM … AS " + s.name());
            } else if (fromLower && !as.equals("as")) {
                out.report(s.from().span(), "'" + as + "' is written in a different case than '" + keyword
                        + "'; write from … as " + s.name());
            }
        }
    }

    private static String asKeyword(List<String> args) {
        if (args.size() >= 3 && args.get(args.size() - 2).equalsIgnoreCase("as")) {
            return args.get(args.size() - 2);
        }
        return null;
    }
}
