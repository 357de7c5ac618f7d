package io.jlint.engine;

import io.jlint.dockerfile.parser.JsonFormat;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Build step (Maven compile phase, after the main classes; see pom.xml): writes the Java source of
 * {@link RuleIndex#GENERATED} from the rules the service loader finds and their {@link RuleInfo} annotations, for
 * the process-classes phase to compile. Usage: {@code RuleIndexWriter SOURCE_ROOT}. Fails (exit status 1, failing
 * the build) when a rule has no annotation or no public no-argument constructor.
 */
public final class RuleIndexWriter {
    private RuleIndexWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RuleIndexWriter SOURCE_ROOT");
            System.exit(2);
        }
        String simple = RuleIndex.GENERATED.substring(RuleIndex.GENERATED.lastIndexOf('.') + 1);
        Path out = Path.of(args[0]).resolve(RuleIndex.class.getPackageName().replace('.', '/'))
                .resolve(simple + ".java");
        Files.createDirectories(out.getParent());
        String source = source(RuleIndexWriter.class.getClassLoader());
        if (Files.isRegularFile(out) && Files.readString(out, StandardCharsets.UTF_8).equals(source)) {
            return; // unchanged: keep its time, so the compiler sees nothing stale
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, source, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The generated class's source for the rules registered in this loader, sorted by rule id. */
    @SuppressWarnings("rawtypes")
    static String source(ClassLoader loader) {
        List<Rule<?>> rules = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, loader)) {
            rules.add(r);
        }
        rules.sort((a, b) -> RuleCatalogue.ID_ORDER.compare(annotation(a).id(), annotation(b).id()));
        String simple = RuleIndex.GENERATED.substring(RuleIndex.GENERATED.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(RuleIndex.class.getPackageName()).append(";\n\n");
        sb.append("// Generated at build time by ").append(RuleIndexWriter.class.getName())
                .append(" from the rules' @RuleInfo annotations. Do not edit.\n");
        sb.append("final class ").append(simple).append(" {\n");
        sb.append("    private ").append(simple).append("() {\n    }\n\n");
        sb.append("    static {\n");
        sb.append("        RuleIndex.provide(java.util.List.of(\n");
        for (int i = 0; i < rules.size(); i++) {
            Rule<?> r = rules.get(i);
            Class<?> c = r.getClass();
            if (!Modifier.isPublic(c.getModifiers()) && !c.getPackageName().equals(RuleIndex.class.getPackageName())
                    || c.getEnclosingClass() != null) {
                throw new IllegalStateException("rule " + c.getName() + " must be a public top-level class");
            }
            try {
                if (!Modifier.isPublic(c.getConstructor().getModifiers())) {
                    throw new NoSuchMethodException();
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("rule " + c.getName() + " has no public no-argument constructor");
            }
            RuleInfo info = annotation(r);
            sb.append("                new RuleIndex.Entry(new ").append(c.getName()).append("(), RuleIndex.info(")
                    .append(literal(info.id())).append(", ").append(literal(info.name())).append(",\n")
                    .append("                        Category.").append(info.category().name())
                    .append(", Severity.").append(info.severity().name()).append(", ").append(info.fixable())
                    .append(", new String[] {");
            String[] eq = info.equivalents();
            for (int j = 0; j < eq.length; j++) {
                sb.append(j == 0 ? "" : ", ").append(literal(eq[j]));
            }
            sb.append("},\n                        ").append(literal(info.summary())).append("))")
                    .append(i + 1 < rules.size() ? ",\n" : "));\n");
        }
        sb.append("    }\n}\n");
        return sb.toString();
    }

    /** A Java string literal (the generated source is compiled as UTF-8): a JSON string is one. */
    static String literal(String s) {
        return JsonFormat.quote(s);
    }

    static RuleInfo annotation(Rule<?> r) {
        RuleInfo info = r.getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException("rule " + r.getClass().getName() + " has no @RuleInfo");
        }
        return info;
    }
}
