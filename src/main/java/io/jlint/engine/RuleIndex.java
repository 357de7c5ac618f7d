package io.jlint.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule index written at build time ({@link RuleIndexWriter}, Maven's process-classes phase): the class name and
 * the {@link RuleInfo} values of every registered rule, one line each, in {@value #RESOURCE}.
 *
 * <p>Why: a short lint run spends a third of its time discovering rules when it uses {@link java.util.ServiceLoader}
 * and reads each rule's annotation, because the JVM builds a dynamic proxy class and parses the annotation bytes
 * for each one. The index is one small resource read; the rules are then created with their no-argument
 * constructors and their infos are plain objects. Without the resource (classes compiled by an IDE), the catalogue
 * falls back to the service loader and the annotations; {@code RuleIndexTest} checks that the two agree.
 *
 * <p>Format: UTF-8 lines of tab-separated fields {@code class id name category severity fixable equivalents
 * summary}, equivalents separated by blanks; lines starting with {@code #} are comments.
 */
public final class RuleIndex {

    /** Where the index lives on the class path. */
    public static final String RESOURCE = "META-INF/jlint/rules.tsv";

    /** One rule: its class name and info. */
    public record Entry(String className, RuleInfo info) {
    }

    private RuleIndex() {
    }

    private static final class Holder {
        static final List<Entry> ENTRIES = read(RuleIndex.class.getClassLoader());
        static final Map<String, RuleInfo> BY_CLASS = byClass(ENTRIES);

        private static Map<String, RuleInfo> byClass(List<Entry> entries) {
            Map<String, RuleInfo> m = new HashMap<>();
            if (entries != null) {
                for (Entry e : entries) {
                    m.put(e.className(), e.info());
                }
            }
            return m;
        }
    }

    /** The entries of the index on jlint's class path, or null when there is none. */
    public static List<Entry> entries() {
        return Holder.ENTRIES;
    }

    /** The indexed info of a rule class, or null when the class is not in the index. */
    static RuleInfo infoOf(Class<?> ruleClass) {
        return Holder.BY_CLASS.get(ruleClass.getName());
    }

    /** Reads the index through this loader; null when absent. A malformed index is a build error: it throws. */
    static List<Entry> read(ClassLoader loader) {
        InputStream in = loader == null ? null : loader.getResourceAsStream(RESOURCE);
        if (in == null) {
            return null;
        }
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                out.add(parse(line, n));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    static Entry parse(String line, int lineNumber) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected 8 fields, found " + f.length);
        }
        String[] equivalents = f[6].isEmpty() ? new String[0] : f[6].split(" ");
        return new Entry(f[0], new Info(f[1], f[2], Category.valueOf(f[3]), Severity.valueOf(f[4]),
                Boolean.parseBoolean(f[5]), equivalents, f[7]));
    }

    /** The line of the index for this rule class and info. */
    static String line(String className, RuleInfo info) {
        for (String s : List.of(className, info.id(), info.name(), info.summary())) {
            if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(className + ": a tab or line break in " + s);
            }
        }
        for (String eq : info.equivalents()) {
            if (eq.isEmpty() || eq.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                throw new IllegalArgumentException(className + ": an empty equivalent or one with blanks: " + eq);
            }
        }
        return String.join("\t", className, info.id(), info.name(), info.category().name(), info.severity().name(),
                Boolean.toString(info.fixable()), String.join(" ", info.equivalents()), info.summary());
    }

    /**
     * A {@link RuleInfo} read from the index: equal to (and with the same hash code as) the annotation it was
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
