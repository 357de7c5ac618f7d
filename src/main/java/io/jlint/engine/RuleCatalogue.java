package io.jlint.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every rule jlint knows, discovered through {@link ServiceLoader} (rules register with
 * {@code @AutoService(Rule.class)}), sorted by id. Looks rules up by id or name, any case, and by the ids of
 * equivalent rules in other tools ({@code hadolint:DL3008}, {@code buildkit:JSONArgsRecommended}).
 */
public final class RuleCatalogue {

    /** Rule id order: shorter ids first (Dockerfile rules JL101…JL999 before image rules JL1101…), then by text. */
    public static final Comparator<String> ID_ORDER = new IdOrder();

    /*
     * Plain classes rather than Comparator.comparing…: the JDK's comparator combinators are lambdas of java.util,
     * which JDK 17's class-data sharing cannot hold, so each would be generated at every start (a few ms).
     */
    private static final class IdOrder implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
    }

    private static final class RuleOrder implements Comparator<Rule<?>> {
        @Override
        public int compare(Rule<?> a, Rule<?> b) {
            return ID_ORDER.compare(a.info().id(), b.info().id());
        }
    }

    private final List<Rule<?>> rules;
    private final Map<String, Rule<?>> byKey = new HashMap<>();
    private final Map<String, List<Rule<?>>> byEquivalent = new HashMap<>();

    /** A catalogue of the given rules (tests); ids and names must be unique. */
    public RuleCatalogue(List<? extends Rule<?>> rules) {
        List<Rule<?>> sorted = new ArrayList<>(rules);
        sorted.sort(new RuleOrder());
        this.rules = Collections.unmodifiableList(sorted);
        for (Rule<?> r : sorted) {
            RuleInfo info = r.info();
            if (info == null) {
                throw new IllegalStateException("rule " + r.getClass().getName() + " has no @RuleInfo");
            }
            for (String key : List.of(info.id(), info.name())) {
                Rule<?> old = byKey.put(key.toLowerCase(Locale.ROOT), r);
                if (old != null && old != r) {
                    throw new IllegalStateException("rules " + old.getClass().getName() + " and "
                            + r.getClass().getName() + " share the id or name " + key);
                }
            }
            for (String eq : info.equivalents()) {
                byEquivalent.computeIfAbsent(eq.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
            }
        }
    }

    /** The rules on the class path, discovered once per JVM. */
    public static RuleCatalogue standard() {
        return Holder.STANDARD;
    }

    /**
     * System property: {@code services} makes the standard catalogue find its rules through {@link ServiceLoader}
     * instead of the build-time index, so that rules of other jars on the class path (registered in
     * {@code META-INF/services/io.jlint.engine.Rule}) run too, at the cost of a slower start.
     */
    public static final String DISCOVERY = "jlint.rules";

    private static final class Holder {
        static final RuleCatalogue STANDARD = discover();

        /**
         * The rules of the build-time {@link RuleIndex}; those the service loader finds when there is no index, or
         * when the system property {@value #DISCOVERY} is {@code services} (rules of other jars on the class path).
         */
        @SuppressWarnings("rawtypes")
        private static RuleCatalogue discover() {
            List<Rule<?>> found = new ArrayList<>();
            List<RuleIndex.Entry> index = "services".equals(System.getProperty(DISCOVERY)) ? null : RuleIndex.entries();
            if (index != null) {
                for (RuleIndex.Entry e : index) {
                    found.add(e.rule());
                }
            } else {
                for (Rule r : ServiceLoader.load(Rule.class, RuleCatalogue.class.getClassLoader())) {
                    found.add(r);
                }
            }
            return new RuleCatalogue(found);
        }
    }

    /** All rules, sorted by id. */
    public List<Rule<?>> rules() {
        return rules;
    }

    /** The {@link RuleInfo} of every rule, sorted by id. */
    public List<RuleInfo> infos() {
        return rules.stream().<RuleInfo>map(Rule::info).toList();
    }

    /** The rule with this id or name (any case), or null. */
    public Rule<?> find(String idOrName) {
        return idOrName == null ? null : byKey.get(idOrName.trim().toLowerCase(Locale.ROOT));
    }

    /** The info of the rule with this id, or null. */
    public RuleInfo info(String idOrName) {
        Rule<?> r = find(idOrName);
        return r == null ? null : r.info();
    }

    /**
     * The rules whose {@link RuleInfo#equivalents()} hold {@code tool:id} (any case), e.g.
     * {@code equivalents("hadolint", "DL4000")}; empty when none.
     */
    public List<Rule<?>> equivalents(String tool, String id) {
        return byEquivalent.getOrDefault((tool + ":" + id).toLowerCase(Locale.ROOT), List.of());
    }

    /** Rules that have an equivalent in {@code tool} (e.g. every rule with a {@code buildkit:} id). */
    public Set<String> idsWithEquivalentIn(String tool) {
        String prefix = tool.toLowerCase(Locale.ROOT) + ":";
        Set<String> out = new LinkedHashSet<>();
        for (Rule<?> r : rules) {
            for (String eq : r.info().equivalents()) {
                if (eq.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(r.info().id());
                }
            }
        }
        return out;
    }

    /**
     * Resolves ids or names to rule ids; throws an {@link InputException} naming every unknown one.
     *
     * @param where what the ids came from, for the message (e.g. {@code --ignore})
     */
    public Set<String> resolve(Iterable<String> idsOrNames, String where) {
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String s : idsOrNames) {
            Rule<?> r = find(s);
            if (r == null) {
                unknown.add(s);
            } else {
                out.add(r.info().id());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InputException(null, unknownMessage(unknown, where));
        }
        return out;
    }

    /** "unknown rule id(s) in WHERE: A, B (see 'jlint rules')". */
    public static String unknownMessage(List<String> unknown, String where) {
        return "unknown rule " + (unknown.size() == 1 ? "id" : "ids") + " in " + where + ": "
                + String.join(", ", unknown) + " (see 'jlint rules')";
    }
}
