package io.jlint.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact source positions through a MappedText with gaps, as the Dockerfile parser builds it. */
class ShellParserPositionsTest {

    /**
     * The shell text made of the given source lines (1-based), each from a 1-based column to its end (minus a
     * trailing backslash): what remains of a RUN after the Dockerfile parser removed continuations and comments.
     */
    static MappedText join(String source, int[][] lineAndColumn) {
        LineIndex lines = LineIndex.of(source);
        StringBuilder text = new StringBuilder();
        int[] offsets = new int[source.length() + 1];
        int n = 0;
        int end = 0;
        for (int[] lc : lineAndColumn) {
            int start = lines.lineStart(lc[0]) + lc[1] - 1;
            int stop = source.indexOf('\n', start);
            stop = stop < 0 ? source.length() : stop;
            if (stop > start && source.charAt(stop - 1) == '\\') {
                stop--;
            }
            for (int i = start; i < stop; i++) {
                text.append(source.charAt(i));
                offsets[n++] = i;
            }
            end = stop;
        }
        offsets[n] = end;
        return new MappedText(text.toString(), java.util.Arrays.copyOf(offsets, n + 1), lines);
    }

    private static final String DOCKERFILE = String.join("\n",
            "FROM debian",                            // 1
            "RUN apt-get update \\",                  // 2
            "    && apt-get install -y \\",           // 3
            "       curl \\",                         // 4
            " # a comment line inside the RUN",        // 5
            "    && echo \"a \\",                     // 6
            "b\" $(date) `id -u`",                    // 7
            "");

    private static ShellScript script() {
        MappedText t = join(DOCKERFILE, new int[][] {{2, 5}, {3, 1}, {4, 1}, {6, 1}, {7, 1}});
        assertEquals("apt-get update     && apt-get install -y        curl     && echo \"a b\" $(date) `id -u`",
                t.text());
        return ShellParser.parse(t);
    }

    private static void assertSpan(String expected, Span span) {
        assertEquals(expected, span.toString());
    }

    @Test
    void wordsAndCommandsAcrossContinuations() {
        ShellScript s = script();
        assertTrue(s.complete());
        List<SimpleCommand> cs = s.commands();
        assertEquals(List.of("apt-get", "apt-get", "echo", "date", "id"),
                cs.stream().map(SimpleCommand::program).toList());
        assertSpan("2:5-2:19", cs.get(0).span());
        SimpleCommand install = cs.get(1);
        assertSpan("3:8-4:12", install.span());
        assertSpan("4:8-4:12", install.words().get(3).span());
        assertEquals("curl", DOCKERFILE.substring(install.words().get(3).span().startOffset(),
                install.words().get(3).span().endOffset()));
        assertSpan("2:5-7:19", s.root().span());
    }

    @Test
    void aQuotedWordSplitByAContinuation() {
        Word w = script().commands().get(2).words().get(1);
        assertEquals("a b", w.value());
        assertEquals("\"a b\"", w.raw());
        assertSpan("6:13-7:3", w.span());
    }

    @Test
    void commandsInSubstitutions() {
        ShellScript s = script();
        SimpleCommand date = s.commands().get(3);
        assertTrue(date.inSubstitution());
        assertSpan("7:6-7:10", date.span());
        SimpleCommand id = s.commands().get(4);
        assertSpan("7:13-7:18", id.span());
        assertSpan("7:16-7:18", id.words().get(1).span());
        assertSpan("7:4-7:11", s.commands().get(2).words().get(2).span());
    }

    @Test
    void backtickContentsMapThroughTheirEscapes() {
        String src = "RUN a `b \\$x \\`c\\``";
        ShellScript s = ShellParser.parse(join(src, new int[][] {{1, 5}}));
        SimpleCommand b = s.commands().get(1);
        assertEquals(List.of("b", "$x", "`c`"), b.words().stream().map(Word::value).toList());
        // `$x` is written `\$x`: its span starts at the `$`, after the backslash
        assertSpan("1:11-1:13", b.words().get(1).span());
        SimpleCommand c = s.commands().get(2);
        assertEquals("c", c.program());
        assertSpan("1:16-1:17", c.span());
    }

    @Test
    void heredocBodyScriptPositions() {
        String src = "FROM x\nRUN <<EOF\nset -e\ncat <<CFG > /etc/x.conf\nkey=value\nCFG\napt-get update\nEOF\n";
        int bodyStart = src.indexOf("set -e");
        int bodyEnd = src.indexOf("EOF\n", bodyStart);
        String body = src.substring(bodyStart, bodyEnd);
        ShellScript s = ShellParser.parse(MappedText.contiguous(body, bodyStart, LineIndex.of(src)));
        assertTrue(s.complete());
        assertEquals(List.of("set", "cat", "apt-get"), s.commands().stream().map(SimpleCommand::program).toList());
        assertSpan("3:1-3:7", s.commands().get(0).span());
        assertSpan("4:1-4:24", s.commands().get(1).span());
        assertSpan("7:1-7:15", s.commands().get(2).span());
        Redirect heredoc = s.commands().get(1).redirects().get(0);
        assertEquals("<<", heredoc.operator());
        assertSpan("4:5-4:10", heredoc.span());
    }

    @Test
    void assignmentValueSpans() {
        String src = "RUN A=1 B=\"x y\" cmd";
        SimpleCommand c = ShellParser.parse(join(src, new int[][] {{1, 5}})).commands().get(0);
        assertSpan("1:5-1:8", c.assignments().get(0).span());
        assertSpan("1:7-1:8", c.assignments().get(0).value().span());
        assertSpan("1:11-1:16", c.assignments().get(1).value().span());
    }
}
