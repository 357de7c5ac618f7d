package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.parser.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RunMerger on its own: the text it writes and the reasons it gives. */
class RunMergerTest {

    private static String merge(String src) {
        Dockerfile df = DockerfileParser.parse("Dockerfile", src);
        List<Instruction.Run> runs = df.instructions().stream().filter(i -> i instanceof Instruction.Run)
                .map(i -> (Instruction.Run) i).toList();
        FixAttempt a = RunMerger.merge(df, runs, "merge");
        if (!a.fixed()) {
            return "refused: " + a.refusal();
        }
        List<Edit> edits = a.fix().edits().stream().sorted(java.util.Comparator.comparingInt(Edit::startOffset))
                .toList();
        return FixApplier.apply(src, edits);
    }

    @Test
    void joinsWithContinuationsInTheFilesStyle() {
        assertEquals("FROM a\nRUN x && \\\n    y && \\\n    z\n", merge("FROM a\nRUN x\nRUN y\nRUN z\n"));
        assertEquals("FROM a\r\nRUN x && \\\r\n    y\r\n", merge("FROM a\r\nRUN x\r\nRUN y\r\n"));
        assertEquals("# escape=`\nFROM a\nRUN x && `\n    y\n", merge("# escape=`\nFROM a\nRUN x\nRUN y\n"));
        assertEquals("FROM a\nRUN x \\\n  && y \\\n  && z\n", merge("FROM a\nRUN x \\\n  && y\nRUN z\n"));
        assertEquals("FROM a\nRUN x && \\\n# why\n    y\n", merge("FROM a\nRUN x\n\n# why\nRUN y\n"));
        assertEquals("FROM a\nRUN x && \\\n    { y; z; }\n", merge("FROM a\nRUN x\nRUN y; z\n"));
        assertEquals("FROM a\nRUN x && \\\n    { y; z; };\n", merge("FROM a\nRUN x\nRUN y; z;\n"));
        assertEquals("FROM a\nRUN x && \\\n    y\n", merge("FROM a\nRUN x;\nRUN y\n"));
        assertEquals("FROM a\nRUN --network=none x && \\\n    y\n",
                merge("FROM a\nRUN --network=none x\nRUN --network=none y\n"));
    }

    @Test
    void refusesWhatWouldChangeTheBuild() {
        assertEquals("refused: the RUN on line 2 runs cd, whose effect would carry over into the next RUN's commands",
                merge("FROM a\nRUN cd /x\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 runs a variable assignment (A=…), whose effect would carry over"
                + " into the next RUN's commands", merge("FROM a\nRUN A=1\nRUN y\n"));
        assertEquals("refused: the RUN on line 3 has other flags (--network=none) than the RUN on line 2",
                merge("FROM a\nRUN x\nRUN --network=none y\n"));
        assertEquals("refused: the RUN on line 2 is in exec form", merge("FROM a\nRUN [\"x\"]\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 ends with a shell comment or other trailing text",
                merge("FROM a\nRUN x # c\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 has a here-document",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN y\n"));
        assertEquals("refused: the RUN on line 4 does not directly follow the previous one",
                merge("FROM a\nRUN x\nENV A=1\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 ends with a command sent to the background (&)",
                merge("FROM a\nRUN x &\nRUN y\n"));
        assertEquals("FROM a\nRUN (cd /x && make) && \\\n    y\n", merge("FROM a\nRUN (cd /x && make)\nRUN y\n"));
    }
}
