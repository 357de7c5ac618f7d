package io.jlint.report;

import io.jlint.engine.Finding;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link Reporter} writes: the results in input order and the rules that were available (formats
 * such as SARIF describe them).
 */
public record Report(List<Result> results, List<RuleInfo> rules) {

    public static final String TOOL_NAME = "jlint";
    public static final String TOOL_VERSION = "0.1.0";

    public Report {
        results = List.copyOf(results);
        rules = List.copyOf(rules);
    }

    /** A report over the rules on the class path. */
    public static Report of(List<Result> results) {
        return new Report(results, RuleCatalogue.standard().infos());
    }

    public int findingCount() {
        int n = 0;
        for (Result r : results) {
            n += r.findings().size();
        }
        return n;
    }

    /** Number of findings per severity, every severity present (most severe first). */
    public Map<Severity, Integer> bySeverity() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Result r : results) {
            for (Finding f : r.findings()) {
                out.merge(f.severity(), 1, Integer::sum);
            }
        }
        return out;
    }

    /** The info of a rule by id, or null when the report does not know it. */
    public RuleInfo rule(String id) {
        for (RuleInfo i : rules) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        return null;
    }

    /** "3 findings (1 error, 2 warnings) in 2 files" or "no findings in 1 file". */
    public String summaryLine() {
        int n = findingCount();
        StringBuilder sb = new StringBuilder();
        sb.append(n == 0 ? "no" : String.valueOf(n)).append(n == 1 ? " finding" : " findings");
        if (n > 0) {
            sb.append(" (");
            String sep = "";
            for (Map.Entry<Severity, Integer> e : bySeverity().entrySet()) {
                if (e.getValue() > 0) {
                    sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().id())
                            .append(e.getValue() > 1 && e.getKey() != Severity.STYLE ? "s" : "");
                    sep = ", ";
                }
            }
            sb.append(')');
        }
        int files = results.size();
        return sb.append(" in ").append(files).append(files == 1 ? " file" : " files").toString();
    }
}
