package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.cli.RulesCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's rule index (between {@code <!-- rules:begin -->} and {@code <!-- rules:end -->}) is generated from
 * the front matter of {@code rules/*.md}. When it is out of date this test fails; run
 * {@code mvn -Dupdate.readme=true test -Dtest=ReadmeIndexTest} to rewrite it.
 */
class ReadmeIndexTest {

    static final String BEGIN = "<!-- rules:begin -->";
    static final String END = "<!-- rules:end -->";
    private static final Path README = Path.of("README.md");

    static String index() throws IOException {
        List<RulesCommand.Row> rows = new ArrayList<>();
        for (Path p : RuleDoc.all()) {
            RuleDoc d = RuleDoc.read(p);
            rows.add(new RulesCommand.Row(d.string("id"), d.string("name"), d.string("category"),
                    d.string("severity"), Boolean.parseBoolean(d.string("fixable")), d.string("summary")));
        }
        rows.sort((a, b) -> io.jlint.engine.RuleCatalogue.ID_ORDER.compare(a.id(), b.id()));
        return RulesCommand.markdownTable(rows, "rules/%s.md");
    }

    @Test
    void readmeRuleIndexIsUpToDate() throws IOException {
        String readme = Files.readString(README);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md needs the markers " + BEGIN + " and " + END);
        String current = readme.substring(begin + BEGIN.length(), end);
        String wanted = "\n" + index();
        if (Boolean.getBoolean("update.readme")) {
            if (!current.equals(wanted)) {
                Files.writeString(README, readme.substring(0, begin + BEGIN.length()) + wanted + readme.substring(end));
            }
            return;
        }
        assertEquals(wanted, current, "README.md's rule index is out of date: run "
                + "mvn -Dupdate.readme=true test -Dtest=ReadmeIndexTest");
    }
}
