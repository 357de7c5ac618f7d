package io.jlint.engine;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule index generated at build time ({@link RuleIndexWriter} writes the Java source of {@value #GENERATED} from
 * the rules the service loader finds and their {@link RuleInfo} annotations; Maven compiles it in the
 * process-classes phase): code that creates every rule with {@code new} and holds its info as plain values.
 *
 * <p>Why: a short lint run spent a third of its time discovering rules through {@link java.util.ServiceLoader} and
 * reading their annotations: the JVM builds a dynamic proxy class and parses annotation bytes for each annotation,
 * and since JDK 18 creating an object through reflection first spins method handles for each constructor. Loading
 * the generated class (by name, so that this code compiles without it) runs none of that. Without it (classes
 * compiled by an IDE), the catalogue falls back to the service loader and the annotations; {@code RuleIndexTest}
 * checks that the two agree.
 */
public final class RuleIndex {

    /** The generated class; its static initializer hands its entries to {@link #provide}. */
    static final String GENERATED = "io.jlint.engine.GeneratedRuleIndex";

    /** One rule and its info. */
    public record Entry(Rule<?> rule, RuleInfo info) {
    }

    private static volatile List<Entry> provided;

    private RuleIndex() {
    }

    private static final class Holder {
        static final List<Entry> ENTRIES = load();
        static final Map<Class<?>, RuleInfo> BY_CLASS = byClass(ENTRIES);

        private static List<Entry> load() {
            try {
                Class.forName(GENERATED, true, RuleIndex.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return null;
            }
            return provided;
        }

        private static Map<Class<?>, RuleInfo> byClass(List<Entry> entries) {
            Map<Class<?>, RuleInfo> m = new IdentityHashMap<>();
            if (entries != null) {
                for (Entry e : entries) {
                    m.put(e.rule().getClass(), e.info());
                }
            }
            return m;
        }
    }

    /** The generated entries, in rule id order, or null when jlint was built without them. */
    public static List<Entry> entries() {
        return Holder.ENTRIES;
    }

    /**
     * The indexed info of a rule class, or null when the class is not in the index, or when the index is still
     * being built on this thread (a rule's class initializer that asks for infos, e.g. to build a catalogue of its
     * own, runs inside the generated class's initializer): the caller then reads the annotation.
     */
    static RuleInfo infoOf(Class<?> ruleClass) {
        Map<Class<?>, RuleInfo> byClass = Holder.BY_CLASS;
        return byClass == null ? null : byClass.get(ruleClass);
    }

    /** For the generated class only: its entries. */
    public static void provide(List<Entry> entries) {
        provided = List.copyOf(entries);
    }

    /** For the generated class only: an info with these values (equal to the annotation it was written from). */
    public static RuleInfo info(String id, String name, Category category, Severity severity, boolean fixable,
                                String[] equivalents, String summary) {
        return new Info(id, name, category, severity, fixable, equivalents.clone(), summary);
    }

    /**
     * A {@link RuleInfo} of the generated index: equal to (and with the same hash code as) the annotation it was
     * written from, as {@link Annotation} requires.
     */
    private static final class Info implements RuleInfo {
        private final String id;
        private final String name;
        private final Category category;
        private final Severity severity;
        private final boolean fixable;
        private final String[] equivalents;
        private final String summary;

        Info(String id, String name, Category category, Severity severity, boolean fixable, String[] equivalents,
             String summary) {
            this.id = id;
            this.name = name;
            this.category = category;
            this.severity = severity;
            this.fixable = fixable;
            this.equivalents = equivalents;
            this.summary = summary;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Category category() {
            return category;
        }

        @Override
        public Severity severity() {
            return severity;
        }

        @Override
        public String summary() {
            return summary;
        }

        @Override
        public boolean fixable() {
            return fixable;
        }

        @Override
        public String[] equivalents() {
            return equivalents.clone();
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return RuleInfo.class;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RuleInfo other && id.equals(other.id()) && name.equals(other.name())
                    && category == other.category() && severity == other.severity()
                    && summary.equals(other.summary()) && fixable == other.fixable()
                    && Arrays.equals(equivalents, other.equivalents());
        }

        /** As {@link Annotation#hashCode()} defines it: the sum over members of (127 * name hash) ^ value hash. */
        @Override
        public int hashCode() {
            return member("id", id.hashCode()) + member("name", name.hashCode())
                    + member("category", category.hashCode()) + member("severity", severity.hashCode())
                    + member("summary", summary.hashCode()) + member("fixable", Boolean.hashCode(fixable))
                    + member("equivalents", Arrays.hashCode(equivalents));
        }

        private static int member(String member, int valueHash) {
            return (127 * member.hashCode()) ^ valueHash;
        }

        @Override
        public String toString() {
            return "@" + RuleInfo.class.getName() + "(id=\"" + id + "\", name=\"" + name + "\")";
        }
    }
}
