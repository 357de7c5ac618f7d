package io.jlint.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
        try {
            byte[] bytes = classBytes(type);
            return bytes == null ? null : parse(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Open class-path jars, one per file, kept for the life of the JVM (the class loader holds them open too). */
    private static final Map<Path, ZipFile> JARS = new ConcurrentHashMap<>();

    /**
     * The class file of {@code type}: straight from its jar or folder (a class loader's resource lookup goes
     * through URL connections and costs about three times as much), else as a class-loader resource.
     */
    private static byte[] classBytes(Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && "file".equals(location.getProtocol())) {
            try {
                Path path = Path.of(location.toURI());
                if (Files.isRegularFile(path)) {
                    ZipFile jar = JARS.computeIfAbsent(path, RuleInfos::open);
                    ZipEntry e = jar == null ? null : jar.getEntry(entry);
                    if (e != null) {
                        try (InputStream in = jar.getInputStream(e)) {
                            return in.readAllBytes();
                        }
                    }
                } else if (Files.isRegularFile(path.resolve(entry))) {
                    return Files.readAllBytes(path.resolve(entry));
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a plain file location: ask the class loader
            }
        }
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(entry)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static ZipFile open(Path jar) {
        try {
            return new ZipFile(jar.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Walks the class file by offsets; only the few constant-pool strings that matter are decoded (decoding all of
     * them, in the interpreter of a fresh JVM, cost more than the proxies this replaces).
     */
    private static RuleInfo parse(byte[] bytes) throws IOException {
        Reader r = new Reader(bytes);
        if (r.u4() != 0xCAFEBABE) {
            return null;
        }
        r.pos += 4;
        int count = r.u2();
        int[] offsets = new int[count];
        for (int i = 1; i < count; i++) {
            offsets[i] = r.pos;
            int tag = r.u1();
            switch (tag) {
                case 1 -> r.skip(r.u2());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> r.pos += 4;
                case 5, 6 -> {
                    r.pos += 8;
                    i++;
                }
                case 7, 8, 16, 19, 20 -> r.pos += 2;
                case 15 -> r.pos += 3;
                default -> {
                    return null;
                }
            }
        }
        r.offsets = offsets;
        r.pos += 6;
        r.skip(2 * r.u2());
        for (int members = 0; members < 2; members++) {
            int n = r.u2();
            for (int i = 0; i < n; i++) {
                r.pos += 6;
                r.skipAttributes();
            }
        }
        int attributes = r.u2();
        for (int a = 0; a < attributes; a++) {
            int nameIndex = r.u2();
            int length = r.u4();
            if (!r.utf8Is(nameIndex, "RuntimeVisibleAnnotations")) {
                r.skip(length);
                continue;
            }
            int annotations = r.u2();
            for (int k = 0; k < annotations; k++) {
                if (r.utf8Is(r.u2(), DESCRIPTOR)) {
                    return readRuleInfo(r);
                }
                r.skipPairs();
            }
            return null;
        }
        return null;
    }

    private static RuleInfo readRuleInfo(Reader r) throws IOException {
        String id = null;
        String name = null;
        Category category = null;
        Severity severity = null;
        String summary = null;
        boolean fixable = false;
        String[] equivalents = new String[0];
        int pairs = r.u2();
        for (int p = 0; p < pairs; p++) {
            String member = r.utf8(r.u2());
            switch (member) {
                case "id" -> id = r.string();
                case "name" -> name = r.string();
                case "summary" -> summary = r.string();
                case "category" -> category = Category.valueOf(r.enumConstant(Category.class));
                case "severity" -> severity = Severity.valueOf(r.enumConstant(Severity.class));
                case "fixable" -> {
                    r.expect('Z');
                    int at = r.offsets[r.u2()];
                    if (r.bytes[at] != 3) {
                        return null;
                    }
                    fixable = new Reader(r.bytes, at + 1).u4() != 0;
                }
                case "equivalents" -> {
                    r.expect('[');
                    List<String> values = new ArrayList<>();
                    int n = r.u2();
                    for (int i = 0; i < n; i++) {
                        values.add(r.string());
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

    /** A position in a class file, and the offsets of its constant-pool entries once known. */
    private static final class Reader {
        final byte[] bytes;
        int pos;
        int[] offsets;

        Reader(byte[] bytes) {
            this(bytes, 0);
        }

        Reader(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        /** Moves past {@code n} bytes (a separate call: {@code pos += u2()} would add to the old position). */
        void skip(int n) {
            pos += n;
        }

        int u1() {
            return bytes[pos++] & 0xFF;
        }

        int u2() {
            return (u1() << 8) | u1();
        }

        int u4() {
            return (u2() << 16) | u2();
        }

        /** Whether constant {@code index} is the UTF-8 entry {@code ascii} (an ASCII string). */
        boolean utf8Is(int index, String ascii) {
            int at = offsets[index];
            if (bytes[at] != 1 || (((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF)) != ascii.length()) {
                return false;
            }
            for (int i = 0; i < ascii.length(); i++) {
                if (bytes[at + 3 + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        String utf8(int index) throws IOException {
            int at = offsets[index];
            if (bytes[at] != 1) {
                throw new IllegalStateException("not a UTF-8 constant");
            }
            int length = ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF);
            // modified UTF-8, as DataInput reads it
            return new DataInputStream(new ByteArrayInputStream(bytes, at + 1, length + 2)).readUTF();
        }

        String string() throws IOException {
            expect('s');
            return utf8(u2());
        }

        String enumConstant(Class<?> type) throws IOException {
            expect('e');
            if (!utf8Is(u2(), "L" + type.getName().replace('.', '/') + ";")) {
                throw new IllegalStateException("unexpected enum type");
            }
            return utf8(u2());
        }

        void expect(char tag) {
            if (u1() != tag) {
                throw new IllegalStateException("unexpected element value kind");
            }
        }

        void skipAttributes() {
            int n = u2();
            for (int i = 0; i < n; i++) {
                pos += 2;
                skip(u4());
            }
        }

        void skipPairs() {
            int pairs = u2();
            for (int p = 0; p < pairs; p++) {
                pos += 2;
                skipElementValue();
            }
        }

        void skipElementValue() {
            int tag = u1();
            switch (tag) {
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> pos += 2;
                case 'e' -> pos += 4;
                case '@' -> {
                    pos += 2;
                    skipPairs();
                }
                case '[' -> {
                    int n = u2();
                    for (int i = 0; i < n; i++) {
                        skipElementValue();
                    }
                }
                default -> throw new IllegalStateException("unknown element value kind " + tag);
            }
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
