package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file under {@code testdata/dockerfile/**} is linted with every rule; its {@code # expect:} markers must
 * match the findings exactly (see {@link Expectations}). One dynamic test per file, named by its path.
 */
class DockerfileExpectationsTest {

    @TestFactory
    Stream<DynamicTest> everyTestFileGetsExactlyTheFindingsItDeclares() throws IOException {
        String only = RuleTesting.only();
        List<Path> files = RuleTesting.testFiles().stream()
                .filter(p -> only == null || p.getParent().getFileName().toString().equalsIgnoreCase(only))
                .toList();
        assertTrue(!files.isEmpty(), "no test Dockerfiles under " + RuleTesting.TESTDATA.toAbsolutePath()
                + (only != null ? " for " + only : ""));
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), p.toUri(), () -> {
            List<String> problems = RuleTesting.check(p);
            if (!problems.isEmpty()) {
                fail(problems.size() + " mismatch(es):\n  " + String.join("\n  ", problems));
            }
        }));
    }
}
