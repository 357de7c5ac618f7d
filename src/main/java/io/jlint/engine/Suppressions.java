package io.jlint.engine;

import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Directive;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings a Dockerfile switches off in its comments:
 * <ul>
 * <li>{@code # jlint ignore=ID[,ID…]} on the comment lines directly above an instruction (no blank line between):
 *     findings that start on that instruction;</li>
 * <li>{@code # jlint global ignore=ID[,ID…]} anywhere: the whole file;</li>
 * <li>hadolint's {@code # hadolint ignore=DLxxxx} and {@code # hadolint global ignore=DLxxxx}, for the rules whose
 *     equivalents name that hadolint rule;</li>
 * <li>BuildKit's {@code # check=skip=Name[,Name…]} (or {@code skip=all}) parser directive, for the rules whose
 *     equivalents name that BuildKit check.</li>
 * </ul>
 * Ids and names match in any case; ids no rule has are ignored.
 */
public final class Suppressions {

    /** Suppresses nothing. */
    public static final Suppressions NONE = new Suppressions(Set.of(), List.of());

    private static final Pattern PRAGMA = Pattern.compile(
            "^\\s*(jlint|hadolint)\\s+(global\\s+)?ignore\\s*=\\s*([\\w.-]+(?:\\s*,\\s*[\\w.-]+)*)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> global;
    private final List<Scope> scopes;

    private record Scope(int startLine, int endLine, Set<String> ids) {
    }

    private Suppressions(Set<String> global, List<Scope> scopes) {
        this.global = global;
        this.scopes = scopes;
    }

    public static Suppressions of(Dockerfile dockerfile, RuleCatalogue catalogue) {
        Set<String> global = new HashSet<>();
        for (Directive d : dockerfile.directives()) {
            if (d.name().equalsIgnoreCase("check")) {
                buildkitSkips(d.value(), catalogue, global);
            }
        }
        Map<Integer, Set<String>> byLine = new HashMap<>();
        for (Comment c : dockerfile.comments()) {
            Matcher m = PRAGMA.matcher(c.text());
            Set<String> ids = new HashSet<>();
            if (m.find()) {
                boolean hadolint = m.group(1).equalsIgnoreCase("hadolint");
                for (String id : m.group(3).split("\\s*,\\s*")) {
                    if (hadolint) {
                        catalogue.equivalents("hadolint", id).forEach(r -> ids.add(r.info().id()));
                    } else {
                        RuleInfo info = catalogue.info(id);
                        if (info != null) {
                            ids.add(info.id());
                        }
                    }
                }
                if (m.group(2) != null) {
                    global.addAll(ids);
                    ids.clear();
                }
            }
            // every comment line is recorded, so that a pragma further up a block of comments still counts
            byLine.merge(c.span().startLine(), ids, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        List<Scope> scopes = new ArrayList<>();
        for (Instruction in : dockerfile.instructions()) {
            Set<String> ids = new HashSet<>();
            for (int line = in.span().startLine() - 1; byLine.containsKey(line); line--) {
                ids.addAll(byLine.get(line));
            }
            if (!ids.isEmpty()) {
                scopes.add(new Scope(in.span().startLine(), in.span().endLine(), Set.copyOf(ids)));
            }
        }
        return new Suppressions(Set.copyOf(global), List.copyOf(scopes));
    }

    /** {@code skip=A,B;error=true}: BuildKit's check directive. */
    private static void buildkitSkips(String value, RuleCatalogue catalogue, Set<String> into) {
        for (String part : value.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0 || !part.substring(0, eq).trim().equalsIgnoreCase("skip")) {
                continue;
            }
            for (String name : part.substring(eq + 1).split(",")) {
                String n = name.trim();
                if (n.toLowerCase(Locale.ROOT).equals("all")) {
                    into.addAll(catalogue.idsWithEquivalentIn("buildkit"));
                } else if (!n.isEmpty()) {
                    catalogue.equivalents("buildkit", n).forEach(r -> into.add(r.info().id()));
                }
            }
        }
    }

    /** True when a finding of {@code ruleId} at {@code location} is switched off. */
    public boolean suppresses(String ruleId, Location location) {
        if (global.contains(ruleId)) {
            return true;
        }
        if (location instanceof Location.Source src) {
            int line = src.span().startLine();
            for (Scope s : scopes) {
                if (line >= s.startLine && line <= s.endLine && s.ids.contains(ruleId)) {
                    return true;
                }
            }
        }
        return false;
    }
}
