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
 * Every image spec under {@code testdata/image/**} is built as a docker-archive and as an OCI archive and checked
 * with every rule; the findings must be exactly the spec's {@code expect:} list in both (see
 * {@link ImageRuleTesting}). One dynamic test per spec.
 */
class ImageExpectationsTest {

    @TestFactory
    Stream<DynamicTest> everyImageSpecGetsExactlyTheFindingsItDeclares() throws IOException {
        String only = RuleTesting.only();
        List<Path> files = ImageRuleTesting.testFiles().stream()
                .filter(p -> only == null || p.getParent().getFileName().toString().equalsIgnoreCase(only))
                .toList();
        assertTrue(!files.isEmpty() || only != null, "no image specs under "
                + ImageRuleTesting.TESTDATA.toAbsolutePath());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), p.toUri(), () -> {
            List<String> problems = ImageRuleTesting.check(p);
            if (!problems.isEmpty()) {
                fail(problems.size() + " mismatch(es):\n  " + String.join("\n  ", problems));
            }
        }));
    }
}
