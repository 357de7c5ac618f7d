package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Category;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per mission category on the labelled files of {@code testdata/eval} (conventions in its
 * README): every file is linted with every rule and the default configuration (no {@code .jlint.yaml} lookup);
 * findings are mapped to (file, category, instruction) and compared with the {@code # label:} lines. Fails when a
 * mission category is below precision 0.95 or recall 0.9.
 */
class CategoryEvalTest {

    static final Path EVAL = Path.of("testdata", "eval");
    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.9;
    static final List<Category> MISSION = List.of(Category.CACHE_BUSTING, Category.UNMERGED_RUN,
            Category.MISSING_CLEANUP, Category.ROOT_USER, Category.ENTRYPOINT_CMD);
    private static final Pattern LABEL = Pattern.compile("^\\s*label:(.*)$");

    /** One scored unit: a category on one instruction of one file. */
    record Unit(String file, Category category, int line, String instruction) implements Comparable<Unit> {
        @Override
        public int compareTo(Unit o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(line, o.line);
            return c != 0 ? c : category.compareTo(o.category);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + category.id() + " `" + instruction + "`";
        }
    }

    @Test
    void missionCategoriesMeetTheTargetsOnTheEvalSet() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EVAL)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
        }
        assertTrue(files.size() >= 60, "eval files: " + files.size());
        Engine engine = Engine.standard();
        Set<Unit> labels = new TreeSet<>();
        Set<Unit> found = new TreeSet<>();
        Map<Unit, Set<String>> rulesOf = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            Dockerfile df = DockerfileParser.parse(name, Files.readString(p));
            labels.addAll(labels(df, name, problems));
            for (Finding f : engine.lint(df, Config.defaults())) {
                Span s = Expectations.span(f);
                if (s == null || !MISSION.contains(f.category())) {
                    continue;
                }
                Instruction in = instructionAt(df, s.startLine());
                if (in == null) {
                    problems.add(name + ":" + s.startLine() + ": finding outside any instruction: "
                            + Expectations.describe(f));
                    continue;
                }
                Unit u = unit(name, f.category(), in);
                found.add(u);
                rulesOf.computeIfAbsent(u, k -> new TreeSet<>()).add(f.rule());
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n%-16s %4s %4s %4s %9s %7s%n", "category", "TP", "FP", "FN", "precision", "recall"));
        List<String> failures = new ArrayList<>();
        Map<Category, List<String>> details = new LinkedHashMap<>();
        for (Category c : MISSION) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            List<String> lines = new ArrayList<>();
            for (Unit u : found) {
                if (u.category() != c) {
                    continue;
                }
                if (labels.contains(u)) {
                    tp++;
                } else {
                    fp++;
                    lines.add("  FP " + u + " " + rulesOf.get(u));
                }
            }
            for (Unit u : labels) {
                if (u.category() == c && !found.contains(u)) {
                    fn++;
                    lines.add("  FN " + u);
                }
            }
            double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
            report.append(String.format(Locale.ROOT, "%-16s %4d %4d %4d %9.3f %7.3f%n", c.id(), tp, fp, fn,
                    precision, recall));
            details.put(c, lines);
            if (precision < MIN_PRECISION || recall < MIN_RECALL) {
                failures.add(String.format(Locale.ROOT, "%s: precision %.3f (min %.2f), recall %.3f (min %.2f)",
                        c.id(), precision, MIN_PRECISION, recall, MIN_RECALL));
            }
        }
        details.forEach((c, lines) -> {
            if (!lines.isEmpty()) {
                report.append(c.id()).append(":\n").append(String.join("\n", lines)).append('\n');
            }
        });
        System.out.println(report);
        if (!problems.isEmpty()) {
            fail("bad eval files:\n  " + String.join("\n  ", problems));
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + report);
        }
    }

    /** The labels of one file: each {@code # label:} comment names categories of the next instruction. */
    static List<Unit> labels(Dockerfile df, String name, List<String> problems) {
        List<Unit> out = new ArrayList<>();
        for (Comment c : df.comments()) {
            Matcher m = LABEL.matcher(c.text());
            if (!m.matches()) {
                continue;
            }
            int line = c.span().startLine();
            Instruction next = df.instructions().stream().filter(in -> in.span().startLine() > line).findFirst()
                    .orElse(null);
            if (next == null) {
                problems.add(name + ":" + line + ": label with no instruction after it");
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String id : m.group(1).split(",")) {
                String s = id.strip();
                Category cat = null;
                try {
                    cat = Category.parse(s);
                } catch (RuntimeException e) {
                    // reported below
                }
                if (cat == null || !MISSION.contains(cat)) {
                    problems.add(name + ":" + line + ": '" + s + "' is not a mission category");
                } else if (!seen.add(s)) {
                    problems.add(name + ":" + line + ": '" + s + "' twice");
                } else {
                    out.add(unit(name, cat, next));
                }
            }
        }
        return out;
    }

    static Instruction instructionAt(Dockerfile df, int line) {
        for (Instruction in : df.instructions()) {
            if (in.span().startLine() <= line && line <= in.span().endLine()) {
                return in;
            }
        }
        return null;
    }

    private static Unit unit(String file, Category c, Instruction in) {
        String o = in.node().original();
        int nl = o.indexOf('\n');
        String first = (nl < 0 ? o : o.substring(0, nl)).strip();
        if (first.length() > 60) {
            first = first.substring(0, 57) + "...";
        }
        return new Unit(file, c, in.span().startLine(), first);
    }
}
