package io.jlint.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.cli.Main;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What BuildKit rejects is an InputException at the right place; what it accepts parses. */
class ParserErrorsTest {

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            ''                                        | 1 | 1  | empty file
            '# only\\n\\n# comments\\n'               | 3 | 1  | file with no instructions
            'FROM a\\nRUN <<EOF\\necho\\n'            | 2 | 5  | unterminated heredoc
            'FROM a\\nRUN cat <<A <<-B\\nx\\nA\\ny\\n'| 2 | 13 | unterminated heredoc
            'FROM a\\n  FOO bar\\n'                   | 2 | 3  | unknown instruction: FOO
            'RUN x\\nFROM a\\n'                       | 1 | 1  | before the first FROM
            'FROM a\\n\\nENV PATH\\n'                 | 3 | 5  | ENV must have two arguments
            'FROM a\\nLABEL x\\n'                     | 2 | 7  | LABEL must have two arguments
            'FROM a\\nENV A=1 B\\n'                   | 2 | 9  | can't find =
            'FROM a\\nONBUILD ONBUILD RUN x\\n'       | 2 | 9  | ONBUILD ONBUILD
            'FROM a\\nONBUILD from b\\n'              | 2 | 9  | FROM isn't allowed as an ONBUILD trigger
            'FROM a\\nONBUILD MAINTAINER me\\n'       | 2 | 9  | MAINTAINER isn't allowed
            'FROM a\\nCMD ["a", 1]\\n'                | 2 | 5  | strings only
            'FROM a\\nCMD [ "echo", [ "x" ] ]\\n'     | 2 | 5  | strings only
            '# escape=x\\nFROM a\\n'                  | 1 | 10 | invalid escape token
            '# escape=`\\n#ESCAPE=\\\\\\nFROM a\\n'   | 2 | 2  | only one escape parser directive
            'FROM a b\\n'                             | 1 | 1  | FROM requires either one or three arguments
            'FROM a AS 1st\\n'                        | 1 | 11 | invalid name for build stage
            'FROM a\\nCOPY onlyone\\n'                | 2 | 1  | requires at least two arguments
            'FROM a\\nSHELL /bin/bash -c\\n'          | 2 | 1  | JSON form
            'FROM a\\nHEALTHCHECK\\n'                 | 2 | 1  | HEALTHCHECK requires at least one argument
            'FROM a\\nHEALTHCHECK CONNECT x\\n'       | 2 | 1  | unknown type
            'FROM a\\nENV A="unterminated\\n'         | 2 | 7  | double-quote
            'FROM a\\nRUN\\n'                         | 2 | 1  | RUN requires at least one argument
            """)
    void rejected(String input, int line, int column, String message) {
        String text = input.replace("\\n", "\n").replace("\\\\", "\\");
        InputException e = assertThrows(InputException.class, () -> DockerfileParser.parse("Dockerfile", text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Dockerfile:" + line + ":" + column + ": "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            'FROM a\\nCMD ["echo", "no closing bracket"\\n'
            'FROM a\\nCMD ["echo", "no closing quote]\\n'
            'FROM a\\nRUN echo "<<EOF"\\n'
            'FROM a\\nRUN cat<<EOF\\n'
            'FROM a\\nRUN echo \\\\\\n'
            'FROM a\\nRUN echo x \\\\'
            'FROM a\\nRUN echo x \\\\\\n\\n\\n'
            'FROM a\\nRUN ["sh", "-c", "cat <<EOF"]\\n'
            'FROM a\\nENV A=\\n'
            'FROM a\\nONBUILD FOO bar\\n'
            'FROM a\\nCOPY --from=x <<EOF /f\\nEOF\\n'
            'FROM a\\r\\nRUN x\\r\\n'
            'FROM a AS Build-1.x\\n'
            '\\\\\\nFROM a\\n'
            'FROM a\\nrun echo `\\n'
            'from a\\nHealthCheck NONE\\n'
            """)
    void accepted(String input) {
        String text = input.replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
        Dockerfile df = DockerfileParser.parse("Dockerfile", text);
        assertTrue(df.instructions().size() >= 1);
    }

    @Test
    void heredocTerminatorSearchIsLiteral() {
        // BuildKit: `cat<<EOF` is not a heredoc word, so the next line is an instruction
        Dockerfile df = DockerfileParser.parse("x", "FROM a\nRUN cat<<EOF\nRUN echo hi\n");
        assertEquals(3, df.instructions().size());
    }

    @Test
    void binaryInput() {
        byte[] nul = "FROM a\nRU\0N x\n".getBytes(StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> DockerfileParser.parse("bin", nul));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        byte[] bad = {'F', 'R', 'O', 'M', ' ', 'a', '\n', 'R', 'U', 'N', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        InputException u = assertThrows(InputException.class, () -> DockerfileParser.parse("bin", bad));
        assertEquals(2, u.line());
        assertEquals(6, u.column());
        InputException s = assertThrows(InputException.class, () -> DockerfileParser.parse("s", "FROM a\0\n"));
        assertEquals(1, s.line());
        assertEquals(7, s.column());
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        InputException missing = assertThrows(InputException.class,
                () -> DockerfileParser.parseFile(dir.resolve("nope"), "nope"));
        assertTrue(missing.getMessage().startsWith("nope: "), missing.getMessage());
        InputException directory = assertThrows(InputException.class, () -> DockerfileParser.parseFile(dir, "dir"));
        assertTrue(directory.getMessage().contains("directory"), directory.getMessage());
    }

    @Test
    void cliExitsWithTwoAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM a\nRUN <<EOF\nx\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"parse", f.toString(), "--format", "json"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("Dockerfile:2:5: unterminated heredoc"), msg);
        assertTrue(!msg.contains("\tat ") && !msg.contains("Exception"), msg);
    }

    @Test
    void syntaxModeAcceptsWhatOnlyABuildRejects() {
        Dockerfile df = DockerfileParser.parseSyntax("x", "CMD [\"a\"]\nHEALTHCHECK\nONBUILD ONBUILD RUN x\n");
        assertEquals(3, df.instructions().size());
        assertTrue(df.stages().isEmpty());
        assertEquals("(cmd \"a\")\n(healthcheck)\n(onbuild (onbuild (run \"x\")))\n", BuildkitFormat.format(df));
    }
}
