package io.jlint.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rule class's {@link RuleInfo}, read from the {@code RuntimeVisibleAnnotations} attribute of its class file
 * instead of through reflection: {@link Class#getAnnotation} builds a dynamic proxy class and one proxy per rule,
 * about 25 ms of a short lint run that the start-up archive cannot hold. The annotation stays the one source of
 * the metadata; anything this reader does not understand falls back to reflection, and a test checks that both
 * agree for every rule.
 */
final class RuleInfos {

    private static final String DESCRIPTOR = "L" + RuleInfo.class.getName().replace('.', '/') + ";";

    private static final ClassValue<RuleInfo> INFOS = new ClassValue<>() {
        @Override
        protected RuleInfo computeValue(Class<?> type) {
            RuleInfo info = fromClassFile(type);
            return info != null ? info : type.getAnnotation(RuleInfo.class);
        }
    };

    private RuleInfos() {
    }

    /** The {@link RuleInfo} of {@code type}, or null when it has none; read once per class. */
    static RuleInfo of(Class<?> type) {
        return INFOS.get(type);
    }

    /** The annotation as the class file states it, or null when absent or not readable here. */
    static RuleInfo fromClassFile(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null ? null : parse(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static RuleInfo parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> {
                    return null;
                }
            }
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.skipNBytes(2L * in.readUnsignedShort());
        for (int members = 0; members < 2; members++) {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
        }
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"RuntimeVisibleAnnotations".equals(name)) {
                in.skipNBytes(length);
                continue;
            }
            int annotations = in.readUnsignedShort();
            for (int k = 0; k < annotations; k++) {
                String type = (String) pool[in.readUnsignedShort()];
                if (DESCRIPTOR.equals(type)) {
                    return readRuleInfo(in, pool);
                }
                skipPairs(in);
            }
            return null;
        }
        return null;
    }

    private static RuleInfo readRuleInfo(DataInputStream in, Object[] pool) throws IOException {
        String id = null;
        String name = null;
        Category category = null;
        Severity severity = null;
        String summary = null;
        boolean fixable = false;
        String[] equivalents = new String[0];
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            String member = (String) pool[in.readUnsignedShort()];
            switch (member) {
                case "id" -> id = string(in, pool);
                case "name" -> name = string(in, pool);
                case "summary" -> summary = string(in, pool);
                case "category" -> category = Category.valueOf(enumConstant(in, pool, Category.class));
                case "severity" -> severity = Severity.valueOf(enumConstant(in, pool, Severity.class));
                case "fixable" -> {
                    expect(in, 'Z');
                    fixable = (Integer) pool[in.readUnsignedShort()] != 0;
                }
                case "equivalents" -> {
                    expect(in, '[');
                    List<String> values = new ArrayList<>();
                    int n = in.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        values.add(string(in, pool));
                    }
                    equivalents = values.toArray(new String[0]);
                }
                default -> {
                    return null;
                }
            }
        }
        if (id == null || name == null || category == null || severity == null || summary == null) {
            return null;
        }
        return new Value(id, name, category, severity, summary, fixable, equivalents);
    }

    private static String string(DataInputStream in, Object[] pool) throws IOException {
        expect(in, 's');
        return (String) pool[in.readUnsignedShort()];
    }

    private static String enumConstant(DataInputStream in, Object[] pool, Class<?> type) throws IOException {
        expect(in, 'e');
        String descriptor = (String) pool[in.readUnsignedShort()];
        if (!descriptor.equals("L" + type.getName().replace('.', '/') + ";")) {
            throw new IllegalStateException("unexpected enum type " + descriptor);
        }
        return (String) pool[in.readUnsignedShort()];
    }

    private static void expect(DataInputStream in, char tag) throws IOException {
        if (in.readUnsignedByte() != tag) {
            throw new IllegalStateException("unexpected element value kind");
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    private static void skipPairs(DataInputStream in) throws IOException {
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            in.readUnsignedShort();
            skipElementValue(in);
        }
    }

    private static void skipElementValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.readUnsignedShort();
            case 'e' -> in.readInt();
            case '@' -> {
                in.readUnsignedShort();
                skipPairs(in);
            }
            case '[' -> {
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    skipElementValue(in);
                }
            }
            default -> throw new IllegalStateException("unknown element value kind " + tag);
        }
    }

    /** A {@link RuleInfo} as a plain object, equal to (and hashing like) the reflective annotation. */
    private static final class Value implements RuleInfo {
        private final String id;
        private final String name;
        private final Category category;
        private final Severity severity;
        private final String summary;
        private final boolean fixable;
        private final String[] equivalents;

        Value(String id, String name, Category category, Severity severity, String summary, boolean fixable,
              String[] equivalents) {
            this.id = id;
            this.name = name;
            this.category = category;
            this.severity = severity;
            this.summary = summary;
            this.fixable = fixable;
            this.equivalents = equivalents;
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
            return o instanceof RuleInfo r && id.equals(r.id()) && name.equals(r.name()) && category == r.category()
                    && severity == r.severity() && summary.equals(r.summary()) && fixable == r.fixable()
                    && Arrays.equals(equivalents, r.equivalents());
        }

        /** As {@link Annotation#hashCode} defines it. */
        @Override
        public int hashCode() {
            return member("id", id.hashCode()) + member("name", name.hashCode())
                    + member("category", category.hashCode()) + member("severity", severity.hashCode())
                    + member("summary", summary.hashCode()) + member("fixable", Boolean.hashCode(fixable))
                    + member("equivalents", Arrays.hashCode(equivalents));
        }

        private static int member(String name, int valueHash) {
            return (127 * name.hashCode()) ^ valueHash;
        }

        @Override
        public String toString() {
            return "@" + RuleInfo.class.getName() + "(id=" + quote(id) + ", name=" + quote(name) + ", category="
                    + category + ", severity=" + severity + ", summary=" + quote(summary) + ", fixable=" + fixable
                    + ", equivalents=" + (equivalents.length == 0 ? "{}" : "{" + quoteAll() + "}") + ")";
        }

        private String quoteAll() {
            StringBuilder sb = new StringBuilder();
            for (String e : equivalents) {
                sb.append(sb.length() == 0 ? "" : ", ").append(quote(e));
            }
            return sb.toString();
        }

        private static String quote(String s) {
            return "\"" + s + "\"";
        }
    }
}
