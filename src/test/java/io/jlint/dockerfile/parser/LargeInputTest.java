package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.InputException;
import org.junit.jupiter.api.Test;

/** Large and deep inputs parse without recursion limits (speed is measured in bench/, not here). */
class LargeInputTest {

    @Test
    void longContinuation() {
        StringBuilder sb = new StringBuilder("FROM a\nRUN echo");
        for (int i = 0; i < 100_000; i++) {
            sb.append(" w").append(i).append(" \\\n");
            if (i % 1000 == 0) {
                sb.append("# comment\n\n");
            }
        }
        sb.append("end\n");
        Dockerfile df = DockerfileParser.parse("x", sb.toString());
        Instruction run = df.instructions().get(1);
        assertEquals(2, run.span().startLine());
        assertEquals(df.lines().lineCount() - 1, run.span().endLine());
        assertTrue(run.node().argsText().text().endsWith("w99999 end"));
    }

    @Test
    void longLine() {
        StringBuilder sb = new StringBuilder("FROM a\nRUN echo");
        while (sb.length() < 1_000_000) {
            sb.append(" word");
        }
        Dockerfile df = DockerfileParser.parse("x", sb.toString());
        assertEquals(1, df.instructions().get(1).node().args().size());
    }

    @Test
    void deepBracketsAreShellForm() {
        String deep = "[".repeat(200_000);
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nCMD " + deep + "\n");
        assertEquals(deep, df.instructions().get(1).node().args().get(0));
        assertTrue(!df.instructions().get(1).node().json());
        // Go's decoder stops at 10000 levels: deeper valid JSON is shell form, shallower nesting is an error
        String tooDeep = "[".repeat(10_001) + "]".repeat(10_001);
        Dockerfile shell = DockerfileParser.parse("x", "FROM a\nCMD " + tooDeep + "\n");
        assertEquals(tooDeep, shell.instructions().get(1).node().args().get(0));
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        assertThrows(InputException.class, () -> DockerfileParser.parse("x", "FROM a\nCMD " + nested + "\n"));
    }

    @Test
    void manyHeredocs() {
        StringBuilder sb = new StringBuilder("FROM a\nRUN cat");
        for (int i = 0; i < 10_000; i++) {
            sb.append(" <<E").append(i);
        }
        sb.append('\n');
        for (int i = 0; i < 10_000; i++) {
            sb.append("line ").append(i).append("\nE").append(i).append('\n');
        }
        Dockerfile df = DockerfileParser.parse("x", sb.toString());
        assertEquals(10_000, df.instructions().get(1).node().heredocs().size());
        assertEquals("line 9999\n", df.instructions().get(1).node().heredocs().get(9999).body());
    }
}
