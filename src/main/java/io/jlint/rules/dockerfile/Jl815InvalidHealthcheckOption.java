package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HEALTHCHECK option the build rejects: an unknown flag, a duration without unit ({@code --interval=30}) or
 * below one millisecond, a negative or non-numeric {@code --retries}.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL815", name = "invalid-healthcheck-option", category = Category.CORRECTNESS,
        severity = Severity.ERROR,
        summary = "A HEALTHCHECK option is unknown or has a value the build rejects (e.g. a duration without unit)")
public final class Jl815InvalidHealthcheckOption implements Rule<Dockerfile> {

    private static final Set<String> DURATIONS = Set.of("interval", "timeout", "start-period", "start-interval");

    /** Go's time.ParseDuration syntax. */
    private static final Pattern DURATION = Pattern.compile("[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+");

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Healthcheck hc)) {
                continue;
            }
            for (Flag f : hc.flags()) {
                String problem = problem(f);
                if (problem != null) {
                    out.report(hc.span(), problem);
                    break;
                }
            }
        }
    }

    private static String problem(Flag f) {
        String name = f.name().toLowerCase(Locale.ROOT);
        String v = f.value();
        if (v != null && v.contains("$")) {
            return null;
        }
        if (DURATIONS.contains(name)) {
            if (v == null) {
                return null;
            }
            if (v.equals("0")) {
                return null;
            }
            if (!DURATION.matcher(v).matches()) {
                String hint = v.matches("\\d+") ? "; write " + v + "s" : "; write a duration such as 30s, 1m30s or 500ms";
                return "HEALTHCHECK --" + name + "=" + v + " is not a duration (it needs a unit), so the build fails"
                        + hint;
            }
            double nanos = nanos(v);
            if (nanos != 0 && nanos < 1_000_000) {
                return "HEALTHCHECK --" + name + "=" + v + " is below the minimum of 1ms (or negative), so the build "
                        + "fails; use at least 1ms, or 0 for the default";
            }
            return null;
        }
        if (name.equals("retries")) {
            if (v == null) {
                return null;
            }
            if (!v.matches("[-+]?\\d{1,18}")) {
                return "HEALTHCHECK --retries=" + v + " is not a whole number, so the build fails; write e.g. "
                        + "--retries=3";
            }
            long n = Long.parseLong(v);
            if (n < 0) {
                return "HEALTHCHECK --retries=" + v + " is negative, so the build fails; use 0 or more";
            }
            if (n > Integer.MAX_VALUE) {
                return "HEALTHCHECK --retries=" + v + " is too large (the limit is 2147483647), so the build fails";
            }
            return null;
        }
        return "HEALTHCHECK has no option --" + f.name() + ", so the build fails; the options are --interval, "
                + "--timeout, --start-period, --start-interval and --retries";
    }

    private static double nanos(String v) {
        double sign = v.startsWith("-") ? -1 : 1;
        double total = 0;
        Matcher m = PART.matcher(v);
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ns" -> 1d;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
        }
        return sign * total;
    }
}
