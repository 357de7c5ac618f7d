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
        assertEquals("refused: the RUN on line 2 has a here-document that is not its whole script",
                merge("FROM a\nRUN cat <<EOF >/f\nx\nEOF\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 runs its here-document as a #! script",
                merge("FROM a\nRUN <<EOF\n#!/bin/bash\nx\nEOF\nRUN y\n"));
        assertEquals("refused: the RUN on line 4 does not directly follow the previous one",
                merge("FROM a\nRUN x\nENV A=1\nRUN y\n"));
        assertEquals("refused: the RUN on line 2 ends with a command sent to the background (&)",
                merge("FROM a\nRUN x &\nRUN y\n"));
        assertEquals("FROM a\nRUN (cd /x && make) && \\\n    y\n", merge("FROM a\nRUN (cd /x && make)\nRUN y\n"));
    }

    @Test
    void aLaterOrListIsWrappedSoThatAndGuardsAllOfIt() {
        // x && a || b would run b when x fails
        assertEquals("FROM a\nRUN x && \\\n    { a || b; }\n", merge("FROM a\nRUN x\nRUN a || b\n"));
        assertEquals("FROM a\nRUN x || y && \\\n    a && b\n", merge("FROM a\nRUN x || y\nRUN a && b\n"));
    }

    @Test
    void optionsTurnedOnBySetMayCarryOverWhenTheyChangeNothing() {
        assertEquals("FROM a\nRUN set -eux; apt-get update && \\\n    apt-get install -y x\n",
                merge("FROM a\nRUN set -eux; apt-get update\nRUN apt-get install -y x\n"));
        // the later RUN turns the same options on first
        assertEquals("FROM a\nRUN set -e; a; b && \\\n    { set -e; c; d; }\n",
                merge("FROM a\nRUN set -e; a; b\nRUN set -e; c; d\n"));
        assertEquals("refused: the RUN on line 2 turns on the shell option -u, which would carry over into the RUN"
                + " on line 3 and change what it does", merge("FROM a\nRUN set -u; a\nRUN echo \"$X\"\n"));
        assertEquals("refused: the RUN on line 2 turns on the shell option -e, which would carry over into the RUN"
                + " on line 3 and change what it does", merge("FROM a\nRUN set -e; a\nRUN b; c\n"));
        assertEquals("refused: the RUN on line 2 turns on the shell option -x, which would carry over into the RUN"
                + " on line 3 and change what it does", merge("FROM a\nRUN set -x; a\nRUN b 2>/log\n"));
        assertEquals("refused: the RUN on line 2 turns on the shell option -o pipefail, which would carry over into"
                + " the RUN on line 3 and change what it does", merge("FROM a\nRUN set -o pipefail; a\nRUN b | c\n"));
        assertEquals("refused: the RUN on line 2 runs set, whose effect would carry over into the next RUN's commands",
                merge("FROM a\nRUN set +e; a\nRUN b\n"));
    }

    @Test
    void errexitIsNeverLostInsideAnAndList() {
        // with -e from SHELL, { c; d; } in the middle of an && list would no longer stop at c
        assertEquals("refused: set -e is in effect in the RUN on line 4, and inside a merged && list the shell would"
                + " no longer stop at its failing commands",
                merge("FROM a\nSHELL [\"/bin/sh\", \"-ec\"]\nRUN a; b\nRUN c; d\nRUN e\n"));
        assertEquals("FROM a\nSHELL [\"/bin/sh\", \"-ec\"]\nRUN a; b && \\\n    { c; d; }\n",
                merge("FROM a\nSHELL [\"/bin/sh\", \"-ec\"]\nRUN a; b\nRUN c; d\n"));
        assertEquals("refused: set -e is in effect in the RUN on line 2, and inside a merged && list the shell would"
                + " no longer stop at its failing commands",
                merge("FROM a\nRUN set -e; if true; then false; echo x; fi\nRUN y\n"));
    }

    @Test
    void aFileThatWritesRunHeredocsGetsOneHeredoc() {
        // && at the end of a line: a failing line of a heredoc script does not stop the script by itself
        assertEquals("FROM a\nRUN <<EOF\nx &&\ny\nEOF\n", merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN y\n"));
        assertEquals("FROM a\nRUN <<EOF\nx &&\ny\nEOF\n", merge("FROM a\nRUN x\nRUN <<EOF\ny\nEOF\n"));
        // set -e in effect and a simple command last: the next RUN follows on the next line
        assertEquals("FROM a\nRUN <<EOF\nset -eux\na\nb\nEOF\n",
                merge("FROM a\nRUN <<EOF\nset -eux\na\nEOF\nRUN b\n"));
        // a script of several lines after && is wrapped in braces
        assertEquals("FROM a\nRUN <<EOF\nx &&\n{\na\nb\n}\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN <<EOF\na\nb\nEOF\n"));
        assertEquals("FROM a\nRUN <<EOF\nx &&\n{ a; b; }\nEOF\n", merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN a; b\n"));
        // a trailing ; or shell comment of the earlier script
        assertEquals("FROM a\nRUN <<EOF\nx && # why\ny\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx; # why\nEOF\nRUN y\n"));
        // comments between the RUNs become comment lines of the script, blank lines go
        assertEquals("FROM a\nRUN <<EOF\nx &&\n# why\ny\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\n\n# why\nRUN y\n"));
        // flags stay, the file's line ending stays
        assertEquals("FROM a\r\nRUN --network=none <<EOF\r\nx &&\r\ny\r\nEOF\r\n",
                merge("FROM a\r\nRUN --network=none x\r\nRUN --network=none <<EOF\r\ny\r\nEOF\r\n"));
        // <<- keeps its tabs; the delimiter avoids a body line
        assertEquals("FROM a\nRUN <<-X\n\ta &&\nb\n\tX\n", merge("FROM a\nRUN <<-X\n\ta\n\tX\nRUN b\n"));
        assertEquals("FROM a\nRUN <<EOT\nx &&\n{\ntrue\nEOF\n}\nEOT\n",
                merge("FROM a\nRUN x\nRUN <<X\ntrue\nEOF\nX\n"));
        // the first RUN's own delimiter is renamed (opener, quotes and terminator) when a later line reads like it
        assertEquals("FROM a\nRUN <<\"EOT\"\nx &&\n{\ntrue\nEOF\n}\nEOT\n",
                merge("FROM a\nRUN <<\"EOF\"\nx\nEOF\nRUN <<X\ntrue\nEOF\nX\n"));
    }

    @Test
    void shellFormLinesKeepTheirLayoutInTheHeredoc() {
        assertEquals("FROM a\nRUN <<EOF\nx &&\napt-get install -y \\\n    curl\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN apt-get install -y \\\n    curl\n"));
        // a backtick continuation becomes the shell's backslash
        assertEquals("# escape=`\nFROM a\nRUN <<EOF\nx &&\nmkdir -p /a \\\n    /b\nEOF\n",
                merge("# escape=`\nFROM a\nRUN <<EOF\nx\nEOF\nRUN mkdir -p /a `\n    /b\n"));
        // a comment line inside the continuation stays after an operator
        assertEquals("FROM a\nRUN <<EOF\nx &&\na &&\n# why\n    b\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN a && \\\n# why\n    b\n"));
        // … or before a line that starts with one, which then moves up
        assertEquals("FROM a\nRUN <<EOF\nx &&\na &&\n# why\n    b\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN a \\\n# why\n    && b\n"));
        // a comment between the arguments of one command cannot stay there
        assertEquals("refused: the RUN on line 5 has a comment line inside its continued lines where a heredoc script"
                + " cannot keep it", merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN apt-get install \\\n# why\n    curl\n"));
        // a continuation inside single quotes is not one for the shell: the exact text, on one line
        assertEquals("FROM a\nRUN <<EOF\nx &&\necho 'a b'\nEOF\n",
                merge("FROM a\nRUN <<EOF\nx\nEOF\nRUN echo 'a \\\nb'\n"));
    }
}
