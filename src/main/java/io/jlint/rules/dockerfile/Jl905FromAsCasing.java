package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import java.util.List;
import java.util.Locale;

/** {@code FROM image as name} (or {@code from image AS name}): the AS keyword's case differs from FROM's. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL905", name = "from-as-casing", category = Category.MAINTAINABILITY, severity = Severity.STYLE,
        summary = "The AS keyword of a FROM line is not written in the same case as FROM",
        fixable = true,
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
                FixAttempt fix = recase(s.from(), "AS");
                out.report(s.from().span(), fix.message("'" + as + "' is written in a different case than '"
                        + keyword + "'; write FROM … AS " + s.name()), fix.fix());
            } else if (fromLower && !as.equals("as")) {
                FixAttempt fix = recase(s.from(), "as");
                out.report(s.from().span(), fix.message("'" + as + "' is written in a different case than '"
                        + keyword + "'; write from … as " + s.name()), fix.fix());
            }
        }
    }

    private static String asKeyword(List<String> args) {
        if (args.size() >= 3 && args.get(args.size() - 2).equalsIgnoreCase("as")) {
            return args.get(args.size() - 2);
        }
        return null;
    }

    private static final java.util.regex.Pattern AS = java.util.regex.Pattern.compile("(?i)(?<=\\s)as(?=\\s+\\S+\\s*$)");

    private static FixAttempt recase(Instruction.From from, String want) {
        MappedText args = from.node().argsText();
        java.util.regex.Matcher m = AS.matcher(args.text());
        if (!m.find()) {
            return FixAttempt.refused("the AS keyword is not on the FROM line as written");
        }
        int start = args.sourceOffset(m.start());
        int end = args.sourceOffset(m.end() - 1) + 1;
        if (end - start != 2) {
            return FixAttempt.refused("the AS keyword is split over lines");
        }
        return FixAttempt.of(new Fix("write " + want, List.of(new Edit(start, end, want))));
    }
}
