package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.parser.antlr.DockerfileLexer;
import io.jlint.dockerfile.parser.antlr.DockerfileLexerBase;
import io.jlint.engine.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses Dockerfiles the way BuildKit does into the {@link Dockerfile} model.
 *
 * <p>{@link #parse(String, String)} accepts what {@code docker build} accepts: BuildKit's parser plus the
 * instruction checks of its build front end (unknown instruction, instruction before FROM, argument counts).
 * {@link #parseSyntax(String, String)} applies only what BuildKit's parser itself rejects; it is the view of
 * {@code jlint parse} and of BuildKit's parser tests, whose files need not be buildable.
 */
public final class DockerfileParser {

    private DockerfileParser() {
    }

    /** Parses text; throws {@link InputException} (path, line, column, message) on anything BuildKit rejects. */
    public static Dockerfile parse(String displayPath, String text) {
        return parse(displayPath, text, true);
    }

    /** Like {@link #parse(String, String)}, but only BuildKit's parser-level errors (see the class comment). */
    public static Dockerfile parseSyntax(String displayPath, String text) {
        return parse(displayPath, text, false);
    }

    /** Decodes bytes: UTF-8 (BOM stripped); NUL bytes or invalid UTF-8 give an InputException naming the place. */
    public static Dockerfile parse(String displayPath, byte[] bytes) {
        return parse(displayPath, decode(displayPath, bytes), true);
    }

    public static Dockerfile parseSyntax(String displayPath, byte[] bytes) {
        return parse(displayPath, decode(displayPath, bytes), false);
    }

    /** Reads a file (missing, unreadable or a directory gives an InputException naming the file). */
    public static Dockerfile parseFile(Path file, String displayPath) {
        return parse(displayPath, read(file, displayPath));
    }

    /** Reads a file's bytes, turning I/O problems into {@link InputException}s. */
    public static byte[] read(Path file, String displayPath) {
        if (Files.isDirectory(file)) {
            throw new InputException(displayPath, "is a directory, not a Dockerfile");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(displayPath, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(displayPath, "permission denied");
        } catch (IOException e) {
            throw new InputException(displayPath, "cannot read: " + e.getMessage());
        }
    }

    /** UTF-8 to text: BOM removed; a NUL byte or an invalid sequence is an error at its line and column. */
    static String decode(String path, byte[] b) {
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        int i = start;
        int n = b.length;
        boolean ascii = true;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                throw binary(path, b, start, i, "NUL byte (binary file?)");
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            ascii = false;
            int len;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                throw binary(path, b, start, i, "invalid UTF-8 (binary file?)");
            }
            if (i + len > n) {
                throw binary(path, b, start, i, "invalid UTF-8 (binary file?)");
            }
            int cp = c & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    throw binary(path, b, start, i, "invalid UTF-8 (binary file?)");
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw binary(path, b, start, i, "invalid UTF-8 (binary file?)");
            }
            i += len;
        }
        return ascii ? new String(b, start, n - start, StandardCharsets.ISO_8859_1)
                : new String(b, start, n - start, StandardCharsets.UTF_8);
    }

    private static InputException binary(String path, byte[] b, int start, int at, String message) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(b, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new InputException(path, line, column, message);
    }

    private static Dockerfile parse(String path, String text, boolean strict) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            LineIndex li = LineIndex.of(text);
            throw new InputException(path, li.line(nul), li.column(nul), "NUL character (binary file?)");
        }
        LineIndex lines = LineIndex.of(text);
        String lexText = text.endsWith("\n") ? text : text + "\n";
        DockerfileLexer lexer = new DockerfileLexer(new Utf16CharStream(lexText, path));
        lexer.setSource(lexText);
        lexer.removeErrorListeners();
        lexer.setHeredocScanner(DockerfileParser::heredocsOf);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        io.jlint.dockerfile.parser.antlr.DockerfileParser parser =
                new io.jlint.dockerfile.parser.antlr.DockerfileParser(tokens);
        parser.removeErrorListeners();
        ModelBuilder builder = new ModelBuilder(path, text, lines, strict, lexer, tokens);
        parser.setBuildParseTree(false);
        parser.addParseListener(builder);
        try {
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                parser.dockerfile();
            } catch (ParseCancellationException e) {
                // the grammar is SLL: a failure here is a real syntax error, never an ambiguity
                Token bad = e.getCause() instanceof RecognitionException re ? re.getOffendingToken() : null;
                throw syntaxError(path, lexer, lines, bad);
            }
        } catch (DockerfileLexerBase.LexError e) {
            throw new InputException(path, lines.line(e.offset()), lines.column(e.offset()), e.getMessage());
        }
        return builder.finish();
    }

    private static InputException syntaxError(String path, DockerfileLexer lexer, LineIndex lines, Token bad) {
        DockerfileLexerBase.PendingHeredoc open = lexer.unterminatedHeredoc();
        if (open != null) {
            int at = open.offset();
            return new InputException(path, lines.line(at), lines.column(at),
                    "unterminated heredoc: no line " + open.name() + " closes it");
        }
        int at = bad == null ? 0 : Math.max(0, bad.getStartIndex());
        return new InputException(path, lines.line(at), lines.column(at),
                "syntax error at " + (bad == null || bad.getType() == Token.EOF ? "end of file"
                        : GoText.quote(bad.getText())));
    }

    /** The heredocs an instruction line opens, for the lexer (BuildKit's heredocsFromLine). */
    private static List<DockerfileLexerBase.PendingHeredoc> heredocsOf(String line) {
        Line parsed;
        try {
            parsed = Line.parse(line, 0, line.length(), '\\');
        } catch (Line.LineException e) {
            return List.of();
        }
        if (parsed.kind == null || !parsed.canContainHeredoc()) {
            return List.of();
        }
        List<DockerfileLexerBase.PendingHeredoc> out = new ArrayList<>(1);
        for (ShellWords.Opener o : ShellWords.heredocs(line, 0, line.length())) {
            out.add(new DockerfileLexerBase.PendingHeredoc(o.name(), o.chomp(), o.start()));
        }
        return out;
    }
}
