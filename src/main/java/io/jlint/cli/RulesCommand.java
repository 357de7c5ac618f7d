package io.jlint.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jlint.engine.InputException;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jlint rules [ID|NAME] [--format text|markdown|json]}: the rule catalogue, or one rule's documentation. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Lists the rules, or prints one rule's documentation (id or name)."})
public final class RulesCommand implements Callable<Integer> {

    /** Where the build puts {@code rules/*.md} in the jar. */
    static final String DOCS = "/io/jlint/rules/docs/";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "RULE", description = "a rule id or name, e.g. JL901")
    private String rule;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text (a table; the default for the list), markdown (the default for one rule), json")
    private String format;

    @Override
    public Integer call() {
        if (format != null && !List.of("text", "markdown", "json").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format
                    + "' (known: text, markdown, json)");
        }
        RuleCatalogue catalogue = RuleCatalogue.standard();
        PrintWriter out = spec.commandLine().getOut();
        List<RuleInfo> rules;
        if (rule != null) {
            RuleInfo info = catalogue.info(rule);
            if (info == null) {
                throw new InputException(null, RuleCatalogue.unknownMessage(List.of(rule), "'jlint rules'"));
            }
            if (format == null || format.equals("markdown")) {
                out.print(doc(info.id()));
                out.flush();
                return Main.OK;
            }
            rules = List.of(info);
        } else {
            rules = catalogue.infos();
        }
        String f = format == null ? "text" : format;
        switch (f) {
            case "json" -> out.print(json(rules, rule != null));
            case "markdown" -> out.print(markdownTable(rows(rules), null));
            default -> out.print(textTable(rows(rules)));
        }
        out.flush();
        return Main.OK;
    }

    /** A rule's documentation page from the jar. */
    static String doc(String id) {
        try (InputStream in = RulesCommand.class.getResourceAsStream(DOCS + id + ".md")) {
            if (in == null) {
                throw new IllegalStateException("rule " + id + " has no documentation in the jar (rules/" + id
                        + ".md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the documentation of " + id, e);
        }
    }

    /** One catalogue row, as the tables show it. */
    public record Row(String id, String name, String category, String severity, boolean fixable, String summary) {
    }

    static List<Row> rows(List<RuleInfo> rules) {
        List<Row> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            out.add(new Row(r.id(), r.name(), r.category().id(), r.severity().id(), r.fixable(), r.summary()));
        }
        return out;
    }

    /**
     * The Markdown table of rules (also the README's rule index).
     *
     * @param docLink how to link an id to its page ({@code %s} is the id), e.g. {@code rules/%s.md}; null: no links
     */
    public static String markdownTable(List<Row> rows, String docLink) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ID | Name | Category | Severity | Fixable | Summary |\n");
        sb.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            String id = docLink == null ? r.id() : "[" + r.id() + "](" + String.format(docLink, r.id()) + ")";
            sb.append("| ").append(id).append(" | ").append(r.name()).append(" | ").append(r.category())
                    .append(" | ").append(r.severity()).append(" | ").append(r.fixable() ? "yes" : "no")
                    .append(" | ").append(r.summary().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    private static String textTable(List<Row> rows) {
        String[] head = {"ID", "NAME", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"};
        int[] w = new int[5];
        for (int i = 0; i < 5; i++) {
            w[i] = head[i].length();
        }
        for (Row r : rows) {
            String[] c = cells(r);
            for (int i = 0; i < 5; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        for (Row r : rows) {
            line(sb, cells(r), w);
        }
        return sb.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.id(), r.name(), r.category(), r.severity(), r.fixable() ? "yes" : "no", r.summary()};
    }

    private static void line(StringBuilder sb, String[] c, int[] w) {
        for (int i = 0; i < 5; i++) {
            sb.append(c[i]).append(" ".repeat(w[i] - c[i].length() + 2));
        }
        sb.append(c[5]).append('\n');
    }

    private static String json(List<RuleInfo> rules, boolean single) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("category", r.category().id());
            m.put("severity", r.severity().id());
            m.put("summary", r.summary());
            m.put("fixable", r.fixable());
            m.put("equivalents", List.of(r.equivalents()));
            out.add(m);
        }
        try {
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(single ? out.get(0) : out) + "\n";
        } catch (IOException e) { // not JsonProcessingException: naming it would load Jackson for every command
            throw new IllegalStateException(e);
        }
    }
}
