package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code EXPOSE 80/TCP}: Docker lower-cases the protocol; write it lower-case. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL811", name = "expose-protocol-casing", category = Category.MAINTAINABILITY,
        severity = Severity.STYLE,
        summary = "EXPOSE writes the protocol in upper or mixed case (e.g. 80/TCP)",
        fixable = true,
        equivalents = {"buildkit:ExposeProtoCasing"})
public final class Jl811ExposeProtocolCasing implements Rule<Dockerfile> {

    private static final Pattern SPEC = Pattern.compile("\\d+(?:-\\d+)?/(tcp|udp|sctp)", Pattern.CASE_INSENSITIVE);

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = Variables.of(df);
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Expose expose)) {
                continue;
            }
            for (String raw : expose.ports()) {
                String v = vars.at(expose).resolve(raw);
                if (v == null) {
                    continue;
                }
                Matcher m = SPEC.matcher(v.trim());
                if (m.matches() && !m.group(1).equals(m.group(1).toLowerCase(Locale.ROOT))) {
                    String fixed = v.trim().substring(0, m.start(1)) + m.group(1).toLowerCase(Locale.ROOT);
                    FixAttempt fix = lowerProtocols(df, expose);
                    out.report(expose.span(), fix.message("EXPOSE " + v.trim() + " writes the protocol in upper case;"
                            + " Docker stores it lower-case, so write " + fixed), fix.fix());
                    break;
                }
            }
        }
    }

    /** A protocol written out after the port's slash; the port may be a variable ({@code ${PORT}/TCP}). */
    private static final Pattern PROTOCOL = Pattern.compile("(?<=/)(tcp|udp|sctp)\\b", Pattern.CASE_INSENSITIVE);

    /** Lower-cases every protocol written in the instruction's own text (not one that comes from a variable). */
    private static FixAttempt lowerProtocols(Dockerfile df, Instruction.Expose expose) {
        MappedText args = expose.node().argsText();
        List<Edit> edits = new ArrayList<>();
        Matcher m = PROTOCOL.matcher(args.text());
        while (m.find()) {
            String p = m.group(1);
            String lower = p.toLowerCase(Locale.ROOT);
            if (!p.equals(lower)) {
                int start = args.sourceOffset(m.start(1));
                int end = args.sourceOffset(m.end(1) - 1) + 1;
                if (end - start != p.length()) {
                    return FixAttempt.refused("the protocol is split over lines");
                }
                edits.add(new Edit(start, end, lower));
            }
        }
        if (edits.isEmpty()) {
            return FixAttempt.refused("the protocol comes from a variable");
        }
        return FixAttempt.of(new Fix("write the protocol in lower case", edits));
    }
}
