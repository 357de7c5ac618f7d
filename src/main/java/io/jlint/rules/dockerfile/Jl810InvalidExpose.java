package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EXPOSE port that is not {@code PORT[-PORT][/tcp|udp|sctp]} with ports 0–65535: a host mapping
 * ({@code 8080:80}), an IP address, a bad protocol, a port out of range or a reversed range. Values that come from
 * variables without a known value are not judged.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL810", name = "invalid-expose", category = Category.CORRECTNESS, severity = Severity.ERROR,
        summary = "EXPOSE has a host mapping, an IP address, a bad protocol or a port outside 0-65535",
        equivalents = {"hadolint:DL3011", "buildkit:ExposeInvalidFormat", "trivy:DS008"})
public final class Jl810InvalidExpose implements Rule<Dockerfile> {

    /** The protocols Docker accepts. */
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");

    private static final Pattern SPEC = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/([A-Za-z]+))?");

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
            Variables.Scope scope = vars.at(expose);
            for (String raw : expose.ports()) {
                String v = scope.resolve(raw);
                if (v == null) {
                    continue;
                }
                String problem = null;
                for (String port : v.trim().split("\\s+")) {
                    if (!port.isEmpty()) {
                        problem = problem(port);
                        if (problem != null) {
                            break;
                        }
                    }
                }
                if (problem != null) {
                    out.report(expose.span(), problem);
                    break;
                }
            }
        }
    }

    /** Why a resolved port spec is wrong, or null. */
    static String problem(String port) {
        if (port.contains(":")) {
            String container = port.substring(port.lastIndexOf(':') + 1);
            return "EXPOSE " + port + " maps a host address or port, which EXPOSE cannot do (it only documents the "
                    + "container port; publishing happens at docker run -p); write EXPOSE " + container;
        }
        Matcher m = SPEC.matcher(port);
        if (!m.matches()) {
            return "EXPOSE " + port + " is not a port: write a number from 0 to 65535, optionally a range (8000-8010) "
                    + "and /tcp, /udp or /sctp";
        }
        String proto = m.group(3);
        if (proto != null && !PROTOCOLS.contains(proto.toLowerCase(Locale.ROOT))) {
            return "EXPOSE " + port + " names protocol '" + proto + "', which Docker does not know; use /tcp, /udp "
                    + "or /sctp";
        }
        long lo = parse(m.group(1));
        long hi = m.group(2) == null ? lo : parse(m.group(2));
        if (lo > 65535 || hi > 65535) {
            return "EXPOSE " + port + " is outside the port range 0-65535, so the build fails; use a valid port";
        }
        if (hi < lo) {
            return "EXPOSE " + port + " is a range whose end is below its start, so the build fails; write "
                    + hi + "-" + lo;
        }
        return null;
    }

    private static long parse(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
