package io.jlint.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Build step (Maven process-classes, see pom.xml): writes {@link RuleIndex#RESOURCE} into the class output from the
 * rules the service loader finds and their {@link RuleInfo} annotations. Usage: {@code RuleIndexWriter OUT_FILE}.
 * Exits non-zero (failing the build) when a rule has no annotation or a value cannot be written.
 */
public final class RuleIndexWriter {
    private RuleIndexWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RuleIndexWriter OUT_FILE");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        lines.add("# jlint rule index, written at build time by " + RuleIndexWriter.class.getName()
                + " from the @RuleInfo annotations: class id name category severity fixable equivalents summary");
        for (String line : lines(RuleIndexWriter.class.getClassLoader())) {
            lines.add(line);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The index lines of the rules registered in this loader, sorted by rule id. */
    @SuppressWarnings("rawtypes")
    static List<String> lines(ClassLoader loader) {
        List<Rule<?>> rules = new ArrayList<>();
        for (Rule r : ServiceLoader.load(Rule.class, loader)) {
            rules.add(r);
        }
        List<String> out = new ArrayList<>();
        rules.sort((a, b) -> RuleCatalogue.ID_ORDER.compare(annotation(a).id(), annotation(b).id()));
        for (Rule<?> r : rules) {
            out.add(RuleIndex.line(r.getClass().getName(), annotation(r)));
        }
        return out;
    }

    static RuleInfo annotation(Rule<?> r) {
        RuleInfo info = r.getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException("rule " + r.getClass().getName() + " has no @RuleInfo");
        }
        return info;
    }
}
