package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model of small Dockerfiles, positions included (inputs in testdata/parser). */
class ModelGoldenTest {

    static String read(String name) throws IOException {
        return Files.readString(Path.of("testdata/parser", name), StandardCharsets.UTF_8);
    }

    static void assertSpan(String expected, Span span) {
        assertEquals(expected, span.toString());
    }

    /** Every character of a mapped text is the source character its offset names. */
    static void assertMapped(Dockerfile df, MappedText t) {
        for (int i = 0; i < t.text().length(); i++) {
            int off = t.offsets()[i];
            assertEquals(t.text().charAt(i), df.source().charAt(off), "char " + i + " of " + t.text());
        }
        assertEquals(t.text().length() + 1, t.offsets().length);
    }

    @Test
    void heredocs() throws IOException {
        Dockerfile df = DockerfileParser.parse("heredocs.Dockerfile", read("heredocs.Dockerfile"));
        List<Instruction> in = df.instructions();
        assertEquals(6, in.size());

        Instruction.Run run = (Instruction.Run) in.get(1);
        assertSpan("2:1-4:4", run.span());
        Heredoc h = run.node().heredocs().get(0);
        assertEquals("EOF", h.name());
        assertFalse(h.quoted());
        assertFalse(h.chomp());
        assertEquals("echo hi\n", h.body());
        assertSpan("2:5-2:10", h.span());
        assertSpan("3:1-3:8", h.bodySpan());
        // RUN <<EOF: the body is the script the shell runs
        List<ShellScript> scripts = run.command().scripts();
        assertEquals(1, scripts.size());
        assertEquals("echo hi\n", scripts.get(0).text().text());
        assertSpan("3:1-3:5", scripts.get(0).text().span(0, 4));
        assertMapped(df, scripts.get(0).text());

        Instruction.Run two = (Instruction.Run) in.get(2);
        assertSpan("5:1-9:2", two.span());
        assertEquals(2, two.node().heredocs().size());
        Heredoc a = two.node().heredocs().get(0);
        assertEquals("A", a.name());
        assertTrue(a.quoted());
        assertTrue(a.chomp());
        assertEquals("one $X\n", a.body());
        assertSpan("5:9-5:15", a.span());
        assertSpan("6:1-6:8", a.bodySpan());
        Heredoc b = two.node().heredocs().get(1);
        assertEquals("B", b.name());
        assertFalse(b.quoted());
        assertEquals("two\n", b.body());
        assertSpan("5:16-5:19", b.span());
        assertEquals("RUN cat <<-\"A\" <<B > /x", two.node().original());
        // cat reads the heredocs: only the command line is shell
        assertEquals(1, two.command().scripts().size());
        assertEquals("cat <<-\"A\" <<B > /x", two.command().scripts().get(0).text().text());

        Instruction.Copy copy = (Instruction.Copy) in.get(3);
        assertEquals(List.of("EOF"), copy.sources());
        assertEquals("/usr/bin/run.sh", copy.destination());
        assertEquals("#!/bin/sh\n", copy.heredocs().get(0).body());
        assertEquals("755", copy.flag("chmod").orElseThrow().value());
        assertSpan("10:6-10:17", copy.flags().get(0).span());

        Instruction.Run bash = (Instruction.Run) in.get(4);
        assertEquals(2, bash.command().scripts().size(), "bash reads its script from the heredoc");
        assertEquals("apt-get update\n", bash.command().scripts().get(1).text().text());
        assertTrue(bash.node().heredocs().get(0).quoted());

        Instruction.Run py = (Instruction.Run) in.get(5);
        assertEquals("X", py.node().heredocs().get(0).name());
        assertEquals(1, py.command().scripts().size(), "python3 is not a shell");
        assertSpan("16:5-16:9", py.node().heredocs().get(0).span());
    }

    @Test
    void runWithShebangHeredocIsNotShellUnlessTheInterpreterIs() {
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n"
                + "RUN <<EOF\n#!/bin/bash\nset -e\nEOF\n");
        assertEquals(0, ((Instruction.Run) df.instructions().get(1)).command().scripts().size());
        assertEquals(1, ((Instruction.Run) df.instructions().get(2)).command().scripts().size());
    }

    @Test
    void backtickEscape() throws IOException {
        Dockerfile df = DockerfileParser.parse("backtick.Dockerfile", read("backtick.Dockerfile"));
        assertEquals('`', df.escape());
        assertEquals("escape", df.directives().get(0).name());
        assertEquals("`", df.directives().get(0).value());
        assertSpan("1:1-1:11", df.directives().get(0).span());
        Instruction.Run run = (Instruction.Run) df.instructions().get(2);
        assertEquals(List.of("Write-Host     C:\\dir\\file     done"), run.node().args());
        assertEquals(List.of("powershell", "-Command"), run.command().shell());
        assertFalse(run.command().posixShell());
        assertTrue(run.command().scripts().isEmpty(), "powershell text is not parsed as POSIX shell");
        assertSpan("5:1-9:9", run.span());
        assertMapped(df, run.node().argsText());
        assertSpan("9:5-9:9", run.node().argsText().span(31, 35));
        assertEquals(" a comment inside", df.comments().get(0).text());
        assertSpan("7:5-7:23", df.comments().get(0).span());
        Instruction.Copy copy = (Instruction.Copy) df.instructions().get(3);
        assertEquals(List.of("C:\\src\\"), copy.sources());
        assertEquals("C:\\dst\\", copy.destination());
    }

    @Test
    void continuationsWithCommentsAndBlankLines() throws IOException {
        Dockerfile df = DockerfileParser.parse("continuations.Dockerfile", read("continuations.Dockerfile"));
        Instruction.Run run = (Instruction.Run) df.instructions().get(1);
        assertEquals("echo a   b   c", run.command().shellText().text());
        assertSpan("2:1-8:4", run.span());
        assertSpan("2:5-8:4", run.node().argsText().span(0, run.node().argsText().text().length()));
        assertMapped(df, run.node().argsText());
        assertSpan("6:3-6:4", run.node().argsText().span(9, 10)); // the "b"
        assertEquals(List.of(" comment one", " comment two"), df.comments().stream().map(Comment::text).toList());
        assertSpan("5:5-5:18", df.comments().get(1).span());

        Instruction.Env env = (Instruction.Env) df.instructions().get(2);
        List<KeyValue> p = env.pairs();
        assertEquals(3, p.size());
        assertEquals("A", p.get(0).key());
        assertEquals("1", p.get(0).value());
        assertSpan("9:5-9:8", p.get(0).span());
        assertEquals("two words", p.get(1).value());
        assertEquals("\"two words\"", p.get(1).rawValue());
        assertSpan("10:5-10:18", p.get(1).span());
        assertEquals("x y", p.get(2).value());
        assertEquals("x\\ y", p.get(2).rawValue());
        assertFalse(p.get(2).legacy());
        assertSpan("9:1-11:11", env.span());
    }

    @Test
    void crlfGivesTheSameModelAsLf() throws IOException {
        for (String name : List.of("heredocs.Dockerfile", "continuations.Dockerfile", "backtick.Dockerfile")) {
            String lf = read(name);
            String crlf = lf.replace("\n", "\r\n");
            Dockerfile a = DockerfileParser.parse(name, lf);
            Dockerfile b = DockerfileParser.parse(name, crlf);
            assertEquals(BuildkitFormat.format(a), BuildkitFormat.format(b), name);
            assertEquals(a.instructions().size(), b.instructions().size());
            for (int i = 0; i < a.instructions().size(); i++) {
                Span sa = a.instructions().get(i).span();
                Span sb = b.instructions().get(i).span();
                assertEquals(sa.startLine(), sb.startLine());
                assertEquals(sa.endLine(), sb.endLine());
                assertEquals(sa.startColumn(), sb.startColumn());
                assertEquals(sa.endColumn(), sb.endColumn(), name + " instruction " + i);
                assertMapped(b, b.instructions().get(i).node().argsText());
            }
            for (int i = 0; i < a.comments().size(); i++) {
                assertEquals(a.comments().get(i).text(), b.comments().get(i).text());
            }
        }
        // heredoc bodies keep their line endings, as BuildKit passes them on
        Dockerfile df = DockerfileParser.parse("x", read("heredocs.Dockerfile").replace("\n", "\r\n"));
        assertEquals("echo hi\r\n", df.instructions().get(1).node().heredocs().get(0).body());
    }

    @Test
    void byteOrderMarkIsRemoved() throws IOException {
        byte[] text = read("backtick.Dockerfile").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Dockerfile df = DockerfileParser.parse("bom", withBom);
        assertEquals('`', df.escape(), "the directive on the first line is still seen");
        assertFalse(df.source().startsWith("\uFEFF"));
        assertSpan("3:1-3:42", df.instructions().get(0).span());
        assertEquals(0, df.directives().get(0).span().startOffset());
        Dockerfile fromString = DockerfileParser.parse("bom", "\uFEFFFROM a\n");
        assertSpan("1:1-1:7", fromString.instructions().get(0).span());
    }

    @Test
    void stagesShellsAndArgs() {
        String text = """
                ARG BASE=alpine
                ARG VERSION
                FROM ${BASE} AS build
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN make
                FROM build AS test
                RUN make test
                FROM alpine
                COPY --from=build /out /out
                CMD ["/out"]
                """;
        Dockerfile df = DockerfileParser.parse("x", text);
        assertEquals(2, df.globalArgs().size());
        assertEquals("BASE", df.globalArgs().get(0).pairs().get(0).key());
        assertEquals("alpine", df.globalArgs().get(0).pairs().get(0).value());
        assertNull(df.globalArgs().get(1).pairs().get(0).value());
        List<Stage> stages = df.stages();
        assertEquals(3, stages.size());
        assertEquals("build", stages.get(0).name());
        assertEquals(-1, stages.get(0).baseStage());
        assertEquals(0, stages.get(1).baseStage());
        assertEquals(-1, stages.get(2).baseStage());
        CommandLine make = ((Instruction.Run) stages.get(0).instructions().get(1)).command();
        assertEquals(List.of("/bin/bash", "-o", "pipefail", "-c"), make.shell());
        CommandLine test = ((Instruction.Run) stages.get(1).instructions().get(0)).command();
        assertEquals(make.shell(), test.shell(), "a stage built FROM another inherits its SHELL");
        Instruction.Cmd cmd = (Instruction.Cmd) stages.get(2).instructions().get(1);
        assertEquals(List.of("/bin/sh", "-c"), cmd.command().shell());
        assertTrue(cmd.command().execForm());
        assertEquals(List.of("/out"), cmd.command().execArgs());
        assertEquals(0, df.stageByRef("build", 2).index());
    }

    @Test
    void windowsImagesRunShellFormWithCmd() {
        Dockerfile df = DockerfileParser.parse("x", """
                ARG core=mcr.microsoft.com/windows/servercore:ltsc2019
                FROM $core AS download
                RUN dir
                FROM download
                RUN echo done
                FROM --platform=windows/amd64 example/tool
                RUN tool
                FROM alpine
                RUN ls
                """);
        List<Instruction.Run> runs = df.instructions().stream().filter(i -> i instanceof Instruction.Run)
                .map(i -> (Instruction.Run) i).toList();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("cmd", "/S", "/C"), runs.get(i).command().shell(), "RUN " + i);
            assertFalse(runs.get(i).command().posixShell());
            assertTrue(runs.get(i).command().scripts().isEmpty());
        }
        assertEquals(List.of("/bin/sh", "-c"), runs.get(3).command().shell());
        assertEquals(1, runs.get(3).command().scripts().size());
    }

    @Test
    void onbuildWrapsItsTrigger() {
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nONBUILD  RUN --mount=type=cache,target=/c echo hi\n");
        Instruction.Onbuild ob = (Instruction.Onbuild) df.instructions().get(1);
        assertEquals(List.of("RUN --mount=type=cache,target=/c echo hi"), ob.node().args());
        Instruction.Run trigger = (Instruction.Run) ob.trigger();
        assertSpan("2:10-2:50", trigger.span());
        assertEquals("RUN --mount=type=cache,target=/c echo hi", trigger.node().original());
        assertEquals("echo hi", trigger.command().shellText().text());
        assertSpan("2:43-2:50", trigger.node().argsText().span(0, 7));
        assertEquals("cache", trigger.mounts().get(0).type());
        assertTrue(df.finalStage().instructions().contains(ob));
    }

    @Test
    void mounts() {
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nRUN --mount=type=cache,target=/root/.cache,sharing=locked"
                + " --mount=target=/src,ro --mount=type=secret,id=npmrc,dst=/a --network=none make\n");
        Instruction.Run run = (Instruction.Run) df.instructions().get(1);
        List<Mount> m = run.mounts();
        assertEquals(3, m.size());
        assertEquals("cache", m.get(0).type());
        assertEquals("/root/.cache", m.get(0).target());
        assertEquals("locked", m.get(0).option("sharing"));
        assertEquals("bind", m.get(1).type());
        assertEquals("true", m.get(1).option("ro"));
        assertEquals("/a", m.get(2).target());
        assertEquals("secret", m.get(2).type());
        assertEquals("none", run.flag("network").orElseThrow().value());
        assertEquals("make", run.command().shellText().text());
    }

    @Test
    void execFormShellFormAndNotQuiteJson() {
        Dockerfile df = DockerfileParser.parse("x", """
                FROM a
                CMD ['echo', 'hi']
                CMD ["echo", "unterminated"
                CMD [ -f /x ] && echo yes
                CMD [ "$A" = b ]
                ENTRYPOINT ["tini", "--"]
                CMD []
                CMD ["python" "app.py"]
                """);
        List<Instruction> in = df.instructions();
        assertTrue(((Instruction.Cmd) in.get(1)).command().notQuiteJson());
        assertTrue(((Instruction.Cmd) in.get(2)).command().notQuiteJson());
        assertFalse(((Instruction.Cmd) in.get(3)).command().notQuiteJson());
        assertFalse(((Instruction.Cmd) in.get(4)).command().notQuiteJson());
        CommandLine ep = ((Instruction.Entrypoint) in.get(5)).command();
        assertTrue(ep.execForm());
        assertEquals(List.of("tini", "--"), ep.execArgs());
        assertTrue(ep.scripts().isEmpty());
        assertTrue(((Instruction.Cmd) in.get(6)).command().execForm());
        // a missing comma between quoted elements is not JSON either: BuildKit runs it through the shell
        CommandLine missingComma = ((Instruction.Cmd) in.get(7)).command();
        assertFalse(missingComma.execForm());
        assertTrue(missingComma.notQuiteJson());
    }

    @Test
    void directivesOnlyAtTheTop() {
        Dockerfile df = DockerfileParser.parse("x", "# syntax=docker/dockerfile:1.7\n#CHECK = skip=all\n"
                + "# escape=`\n# comment\n# escape=\\\nFROM a\n# escape=\\\n");
        assertEquals(List.of("syntax", "check", "escape"), df.directives().stream().map(d -> d.name()).toList());
        assertEquals("skip=all", df.directives().get(1).value());
        assertEquals('`', df.escape());
        assertEquals(3, df.comments().size(), "later lines are comments, not directives");

        Dockerfile afterComment = DockerfileParser.parse("x", "# hello\n# escape=`\nFROM a\n");
        assertEquals('\\', afterComment.escape());
        assertTrue(afterComment.directives().isEmpty());
    }

    @Test
    void legacyAndQuotedKeyValues() {
        Dockerfile df = DockerfileParser.parse("x", """
                FROM a
                ENV PATH /usr/local/bin:$PATH
                LABEL "com.example.vendor"="ACME Inc" version=1.0
                ARG abc="123 456" def
                """);
        KeyValue path = ((Instruction.Env) df.instructions().get(1)).pairs().get(0);
        assertTrue(path.legacy());
        assertEquals("PATH", path.key());
        assertEquals("/usr/local/bin:$PATH", path.value());
        assertSpan("2:5-2:30", path.span());
        List<KeyValue> labels = ((Instruction.Label) df.instructions().get(2)).pairs();
        assertEquals("com.example.vendor", labels.get(0).key());
        assertEquals("ACME Inc", labels.get(0).value());
        List<KeyValue> args = ((Instruction.Arg) df.instructions().get(3)).pairs();
        assertEquals("123 456", args.get(0).value());
        assertEquals("\"123 456\"", args.get(0).rawValue());
        assertNull(args.get(1).value());
    }
}
