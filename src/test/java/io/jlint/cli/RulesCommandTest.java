package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void listsTheCatalogue() {
        Cli r = Cli.run("rules");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("ID "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("JL901 +maintainer-deprecated +maintainability +warning "
                + "+yes +MAINTAINER is deprecated.*")), r.out());
    }

    @Test
    void printsOneRulesPageByIdOrName() throws IOException {
        String page = Files.readString(Path.of("rules/JL901.md"));
        assertEquals(page, Cli.run("rules", "JL901").out());
        assertEquals(page, Cli.run("rules", "maintainer-deprecated").out());
        assertEquals(page, Cli.run("rules", "jl901", "--format", "markdown").out());
    }

    @Test
    void json() throws IOException {
        JsonNode list = new JsonMapper().readTree(Cli.run("rules", "--format", "json").out());
        assertTrue(list.isArray());
        JsonNode one = new JsonMapper().readTree(Cli.run("rules", "JL901", "--format", "json").out());
        assertEquals("maintainer-deprecated", one.get("name").asText());
        assertEquals("hadolint:DL4000", one.at("/equivalents/0").asText());
        assertTrue(list.toString().contains(one.toString()));
    }

    @Test
    void markdownTable() {
        String md = Cli.run("rules", "--format", "markdown").out();
        assertTrue(md.startsWith("| ID | Name | Category | Severity | Fixable | Summary |\n"), md);
        assertTrue(md.contains("| JL901 | maintainer-deprecated | maintainability | warning | yes |"), md);
    }

    @Test
    void unknownRuleOrFormat() {
        Cli r = Cli.run("rules", "JL0");
        assertEquals(2, r.status());
        assertEquals("jlint: unknown rule id in 'jlint rules': JL0 (see 'jlint rules')\n", r.err());
        assertEquals(2, Cli.run("rules", "--format", "xml").status());
    }
}
