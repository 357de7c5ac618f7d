package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.Finding;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleCatalogue;
import io.jlint.engine.RuleInfo;
import io.jlint.image.ImageModel;
import io.jlint.image.ImageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract between a rule's class, its documentation and its test data, checked for every rule the
 * {@link java.util.ServiceLoader} discovers:
 * <ul>
 * <li>{@code rules/<ID>.md} exists; its front matter ({@code id, name, category, severity, summary, since, fixable,
 *     equivalents}) equals the {@link RuleInfo}; it has the title {@code # ID: name} and the sections
 *     {@code ## Why}, {@code ## Bad}, {@code ## Good}, {@code ## Fix} in that order;</li>
 * <li>for Dockerfile rules, every {@code ```dockerfile} block of Bad produces the rule's finding and every one of
 *     Good produces none of it;</li>
 * <li>for Dockerfile rules, {@code testdata/dockerfile/<ID>/} holds {@code bad-*.Dockerfile} files (each declaring
 *     the rule with {@code # expect:}) and {@code good-*.Dockerfile} files (not expecting it), and nothing but
 *     {@code fix-*.Dockerfile}, {@code fix-*.expected.Dockerfile} and a {@code .jlint.yaml};</li>
 * <li>a rule with {@code fixable=true} has at least one fix pair ({@code fix-NAME.Dockerfile} with its
 *     {@code fix-NAME.expected.Dockerfile}; {@code FixPairsTest} runs them), every input has its expected file and
 *     every expected file its input; a rule that is not fixable has no fix files;</li>
 * <li>for image rules (subject {@link ImageModel}), every {@code ```yaml} block of Bad is an image spec
 *     ({@link ImageSpec}) whose image gives the rule's finding, and every one of Good gives none of it;
 *     {@code testdata/image/<ID>/} holds {@code bad-*.yaml} specs (each expecting the rule) and {@code good-*.yaml}
 *     specs (not expecting it), which {@link ImageExpectationsTest} builds and checks;</li>
 * <li>no orphans: every {@code rules/*.md}, every {@code testdata/dockerfile/<dir>} and every
 *     {@code testdata/image/<dir>} belongs to a rule of that kind.</li>
 * </ul>
 */
class CatalogueTest {

    private static final List<String> HEADER_KEYS = List.of("id", "name", "category", "severity", "summary", "since",
            "fixable", "equivalents");
    private static final List<String> SECTIONS = List.of("Why", "Bad", "Good", "Fix");
    private static final Pattern ID = Pattern.compile("JL\\d{3,4}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern TESTDATA_FILE = Pattern.compile(
            "(bad|good|fix)-[\\w.-]+\\.Dockerfile|\\.jlint\\.yaml");

    private static List<Rule<?>> rules() {
        String only = RuleTesting.only();
        return RuleCatalogue.standard().rules().stream()
                .filter(r -> only == null || r.info().id().equalsIgnoreCase(only)).toList();
    }

    private static boolean dockerfileRule(Rule<?> r) {
        return r.subjectType() == Dockerfile.class;
    }

    private static boolean imageRule(Rule<?> r) {
        return r.subjectType() == ImageModel.class;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasItsDocAndTestdata() {
        List<Rule<?>> rules = rules();
        assertTrue(!rules.isEmpty(), "no rules discovered" + (RuleTesting.only() != null ? " with id "
                + RuleTesting.only() : ""));
        return rules.stream().map(r -> DynamicTest.dynamicTest(r.info().id() + " " + r.info().name(), () -> {
            List<String> problems = new ArrayList<>();
            checkInfo(r, problems);
            checkDoc(r, problems);
            if (dockerfileRule(r)) {
                checkTestdata(r.info().id(), problems);
                checkFixPairs(r.info(), problems);
            }
            if (imageRule(r)) {
                checkImageTestdata(r.info().id(), problems);
            }
            if (!problems.isEmpty()) {
                fail(r.info().id() + " (" + r.getClass().getName() + "): " + problems.size() + " problem(s):\n  "
                        + String.join("\n  ", problems));
            }
        }));
    }

    private static void checkInfo(Rule<?> r, List<String> problems) {
        RuleInfo info = r.info();
        if (!ID.matcher(info.id()).matches()) {
            problems.add("id '" + info.id() + "' is not of the form JL123");
        }
        if (!NAME.matcher(info.name()).matches()) {
            problems.add("name '" + info.name() + "' is not kebab-case");
        }
        if (info.summary().isBlank() || info.summary().contains("\n")) {
            problems.add("summary must be one non-empty line");
        }
        for (String eq : info.equivalents()) {
            if (!eq.matches("(hadolint|buildkit|dockle|trivy|checkov|kics):[\\w.-]+")) {
                problems.add("equivalent '" + eq + "' is not tool:id with tool one of hadolint, buildkit, dockle, "
                        + "trivy, checkov, kics");
            }
        }
    }

    private static void checkDoc(Rule<?> r, List<String> problems) throws IOException {
        RuleInfo info = r.info();
        Path file = RuleDoc.DIR.resolve(info.id() + ".md");
        if (!Files.isRegularFile(file)) {
            problems.add(file + " is missing (copy rules/JL901.md as a template)");
            return;
        }
        RuleDoc doc;
        try {
            doc = RuleDoc.read(file);
        } catch (IllegalArgumentException | IOException e) {
            problems.add(file + ": " + e.getMessage());
            return;
        }
        if (!List.copyOf(doc.header().keySet()).equals(HEADER_KEYS)) {
            problems.add(file + ": front matter keys must be exactly " + HEADER_KEYS + " in that order, found "
                    + doc.header().keySet());
        }
        expectEqual(problems, file, "id", info.id(), doc.string("id"));
        expectEqual(problems, file, "name", info.name(), doc.string("name"));
        expectEqual(problems, file, "category", info.category().id(), doc.string("category"));
        expectEqual(problems, file, "severity", info.severity().id(), doc.string("severity"));
        expectEqual(problems, file, "summary", info.summary(), doc.string("summary"));
        expectEqual(problems, file, "fixable", String.valueOf(info.fixable()), doc.string("fixable"));
        expectEqual(problems, file, "equivalents", String.valueOf(Arrays.asList(info.equivalents())),
                String.valueOf(doc.list("equivalents")));
        String since = doc.string("since");
        if (since == null || !VERSION.matcher(since).matches()) {
            problems.add(file + ": since must be a version like 0.1.0, found " + since);
        }
        String title = info.id() + ": " + info.name();
        if (!title.equals(doc.title())) {
            problems.add(file + ": title must be '# " + title + "', found '# " + doc.title() + "'");
        }
        List<String> found = doc.sections().keySet().stream().filter(SECTIONS::contains).toList();
        if (!found.equals(SECTIONS)) {
            problems.add(file + ": sections must be ## Why, ## Bad, ## Good, ## Fix in that order, found "
                    + doc.sections().keySet());
        }
        for (String s : SECTIONS) {
            if (doc.sections().containsKey(s) && doc.sections().get(s).isBlank()) {
                problems.add(file + ": section ## " + s + " is empty");
            }
        }
        if (dockerfileRule(r)) {
            runExamples(info.id(), doc, problems);
        }
        if (imageRule(r)) {
            runImageExamples(info.id(), doc, problems);
        }
    }

    private static void runImageExamples(String id, RuleDoc doc, List<String> problems) {
        for (String section : List.of("Bad", "Good")) {
            List<String> blocks = doc.blocks(section, "yaml");
            if (blocks.isEmpty()) {
                problems.add(doc.file() + ": ## " + section + " needs a ```yaml block describing the image");
            }
            for (int i = 0; i < blocks.size(); i++) {
                String where = doc.file() + " ## " + section + " block " + (i + 1);
                List<Finding> findings;
                try {
                    findings = ImageRuleTesting.lint(ImageSpec.parse(where, blocks.get(i)),
                            ImageSpec.Format.DOCKER_ARCHIVE);
                } catch (RuntimeException | IOException e) {
                    problems.add(where + ": " + e.getMessage());
                    continue;
                }
                List<Finding> mine = findings.stream().filter(f -> f.rule().equals(id)).toList();
                if (section.equals("Bad") && mine.isEmpty()) {
                    problems.add(where + ": the bad example gives no " + id + " finding (findings: "
                            + findings.stream().map(ImageRuleTesting::describe).toList() + ")");
                }
                if (section.equals("Good") && !mine.isEmpty()) {
                    problems.add(where + ": the good example gives "
                            + mine.stream().map(ImageRuleTesting::describe).toList());
                }
            }
        }
    }

    private static void checkImageTestdata(String id, List<String> problems) throws IOException {
        Path dir = ImageRuleTesting.TESTDATA.resolve(id);
        if (!Files.isDirectory(dir)) {
            problems.add(dir + "/ is missing: add bad-*.yaml and good-*.yaml image specs");
            return;
        }
        int bad = 0;
        int good = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.matches("(bad|good)-[\\w.-]+\\.yaml") || Files.isDirectory(p)) {
                    problems.add(p + ": unexpected file (allowed: bad-*.yaml, good-*.yaml)");
                    continue;
                }
                boolean expectsMe;
                try {
                    expectsMe = ImageSpec.read(p).expected().stream().anyMatch(e -> e.rule().equals(id));
                } catch (IllegalArgumentException e) {
                    problems.add(p + ": " + e.getMessage());
                    continue;
                }
                if (name.startsWith("bad-")) {
                    bad++;
                    if (!expectsMe) {
                        problems.add(p + ": a bad spec must expect at least one " + id + " finding");
                    }
                } else {
                    good++;
                    if (expectsMe) {
                        problems.add(p + ": a good spec must not expect " + id + " (move it to a bad-* file)");
                    }
                }
            }
        }
        if (bad == 0) {
            problems.add(dir + "/ has no bad-*.yaml");
        }
        if (good == 0) {
            problems.add(dir + "/ has no good-*.yaml");
        }
    }

    /**
     * The configuration the examples run with: a {@code ```yaml} block of the Fix section whose first line is
     * {@code # .jlint.yaml} (for rules that only act when configured, such as trusted registries), else the defaults.
     */
    private static Config exampleConfig(RuleDoc doc) {
        for (String yaml : doc.blocks("Fix", "yaml")) {
            if (yaml.startsWith("# .jlint.yaml")) {
                return new ConfigLoader(RuleCatalogue.standard(), null)
                        .parse(doc.file() + " ## Fix", yaml.getBytes(StandardCharsets.UTF_8));
            }
        }
        return Config.defaults();
    }

    private static void runExamples(String id, RuleDoc doc, List<String> problems) {
        Config config = exampleConfig(doc);
        for (String section : List.of("Bad", "Good")) {
            List<String> blocks = doc.blocks(section, "dockerfile");
            if (blocks.isEmpty()) {
                problems.add(doc.file() + ": ## " + section + " needs a ```dockerfile block");
            }
            for (int i = 0; i < blocks.size(); i++) {
                String where = doc.file() + " ## " + section + " block " + (i + 1);
                List<Finding> findings;
                try {
                    findings = RuleTesting.lint(RuleTesting.parse(where, blocks.get(i)), config);
                } catch (RuntimeException e) {
                    problems.add(where + ": " + e.getMessage());
                    continue;
                }
                List<Finding> mine = findings.stream().filter(f -> f.rule().equals(id)).toList();
                if (section.equals("Bad") && mine.isEmpty()) {
                    problems.add(where + ": the bad example gives no " + id + " finding (findings: "
                            + findings.stream().map(Expectations::describe).toList() + ")");
                }
                if (section.equals("Good") && !mine.isEmpty()) {
                    problems.add(where + ": the good example gives " + mine.stream().map(Expectations::describe)
                            .toList());
                }
            }
        }
    }

    private static void checkTestdata(String id, List<String> problems) throws IOException {
        Path dir = RuleTesting.TESTDATA.resolve(id);
        if (!Files.isDirectory(dir)) {
            problems.add(dir + "/ is missing: add bad-*.Dockerfile and good-*.Dockerfile files");
            return;
        }
        int bad = 0;
        int good = 0;
        Pattern expectsMe = Pattern.compile("(?m)^\\s*#\\s*expect:.*\\b" + Pattern.quote(id) + "\\b");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.matches("fix-[\\w.-]+\\.context")) {
                    continue; // the build context of a fix pair
                }
                if (!TESTDATA_FILE.matcher(name).matches() || Files.isDirectory(p)) {
                    problems.add(p + ": unexpected file (allowed: bad-*.Dockerfile, good-*.Dockerfile, "
                            + "fix-*.Dockerfile, fix-*.expected.Dockerfile, fix-*.context/, .jlint.yaml)");
                    continue;
                }
                String text = Files.readString(p);
                if (name.startsWith("bad-")) {
                    bad++;
                    if (!expectsMe.matcher(text).find()) {
                        problems.add(p + ": a bad file must declare at least one '# expect: " + id + "'");
                    }
                } else if (name.startsWith("good-")) {
                    good++;
                    if (expectsMe.matcher(text).find()) {
                        problems.add(p + ": a good file must not expect " + id + " (move it to a bad-* file)");
                    }
                }
            }
        }
        if (bad == 0) {
            problems.add(dir + "/ has no bad-*.Dockerfile");
        }
        if (good == 0) {
            problems.add(dir + "/ has no good-*.Dockerfile");
        }
    }

    private static void checkFixPairs(RuleInfo info, List<String> problems) throws IOException {
        Path dir = RuleTesting.TESTDATA.resolve(info.id());
        if (!Files.isDirectory(dir)) {
            return;
        }
        int pairs = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("fix-") || !name.endsWith(".Dockerfile")) {
                    continue;
                }
                if (!info.fixable()) {
                    problems.add(p + ": the rule is not fixable (fixable=false), so it has no fix pairs");
                } else if (name.endsWith(RuleTesting.EXPECTED_SUFFIX)) {
                    String input = name.substring(0, name.length() - RuleTesting.EXPECTED_SUFFIX.length())
                            + ".Dockerfile";
                    if (!Files.isRegularFile(dir.resolve(input))) {
                        problems.add(p + ": an expected fix result without its input " + input);
                    }
                } else if (!Files.isRegularFile(RuleTesting.expectedOf(p))) {
                    problems.add(p + ": a fix input without its expected result "
                            + RuleTesting.expectedOf(p).getFileName());
                } else {
                    pairs++;
                }
            }
        }
        if (info.fixable() && pairs == 0) {
            problems.add(dir + "/ has no fix pair (fix-NAME.Dockerfile + fix-NAME.expected.Dockerfile), but the rule"
                    + " is fixable");
        }
    }

    private static void expectEqual(List<String> problems, Path file, String key, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(file + ": front matter " + key + " is " + actual + " but the rule's @RuleInfo says "
                    + expected);
        }
    }

    @Test
    void noOrphanDocsOrTestdata() throws IOException {
        Set<String> ids = new TreeSet<>();
        RuleCatalogue.standard().rules().forEach(r -> ids.add(r.info().id()));
        Set<String> dockerfileIds = new TreeSet<>();
        RuleCatalogue.standard().rules().stream().filter(CatalogueTest::dockerfileRule)
                .forEach(r -> dockerfileIds.add(r.info().id()));
        List<String> problems = new ArrayList<>();
        for (Path doc : RuleDoc.all()) {
            String id = doc.getFileName().toString().replaceFirst("\\.md$", "");
            if (!ids.contains(id)) {
                problems.add(doc + ": no rule class has id " + id + " (is it annotated @AutoService(Rule.class)?)");
            }
        }
        if (Files.isDirectory(RuleTesting.TESTDATA)) {
            try (Stream<Path> s = Files.list(RuleTesting.TESTDATA)) {
                for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                    String id = dir.getFileName().toString();
                    if (!dockerfileIds.contains(id)) {
                        problems.add(dir + "/: no Dockerfile rule has id " + id);
                    }
                }
            }
        }
        Set<String> imageIds = new TreeSet<>();
        RuleCatalogue.standard().rules().stream().filter(CatalogueTest::imageRule)
                .forEach(r -> imageIds.add(r.info().id()));
        if (Files.isDirectory(ImageRuleTesting.TESTDATA)) {
            try (Stream<Path> s = Files.list(ImageRuleTesting.TESTDATA)) {
                for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                    if (!imageIds.contains(dir.getFileName().toString())) {
                        problems.add(dir + "/: no image rule has id " + dir.getFileName());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
