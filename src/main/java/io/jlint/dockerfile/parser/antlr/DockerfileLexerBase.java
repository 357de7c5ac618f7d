package io.jlint.dockerfile.parser.antlr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Runtime state of the Dockerfile lexer that a grammar cannot hold: the escape character, the parser-directive scan
 * at the top of the file, the logical line of the current instruction and the queue of here-document delimiters
 * that the current instruction opened.
 */
public abstract class DockerfileLexerBase extends Lexer {

    /** A here-document the lexer waits for: its delimiter and whether leading tabs are stripped ({@code <<-}). */
    public record PendingHeredoc(String name, boolean chomp, int offset) {
    }

    /** A lexical error BuildKit reports (bad or repeated directive); {@code offset} is where it is. */
    public static final class LexError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int offset;

        public LexError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private char escape = '\\';
    private boolean directivesDone;
    private final List<String> seenDirectives = new ArrayList<>(3);
    private final StringBuilder logicalLine = new StringBuilder();
    // where each piece of the logical line starts: index in logicalLine, offset in the source
    private int[] pieceIndex = new int[16];
    private int[] pieceOffset = new int[16];
    private int pieces;
    private boolean heredocKeyword;
    private final Deque<PendingHeredoc> pending = new ArrayDeque<>();
    private Function<String, List<PendingHeredoc>> heredocScanner = line -> List.of();
    private PendingHeredoc unterminated;

    private String source = "";

    protected DockerfileLexerBase(CharStream input) {
        super(input);
    }

    /** The text being lexed (the lexer's input, as one string); predicates look back into it. */
    public void setSource(String source) {
        this.source = source;
    }

    /** Tells the lexer which heredocs an instruction's logical line (continuations joined) opens. */
    public void setHeredocScanner(Function<String, List<PendingHeredoc>> scanner) {
        this.heredocScanner = scanner;
    }

    public char escape() {
        return escape;
    }

    /** The first heredoc whose delimiter never came, or null. */
    public PendingHeredoc unterminatedHeredoc() {
        return unterminated;
    }

    /**
     * True when the escape character at {@code index} may end a line as a continuation: BuildKit's
     * {@code ([^E])E[ \t]*$|^E[ \t]*$}, i.e. it is the escape character and not itself preceded by one.
     */
    protected boolean continuationAt(int index) {
        String src = source;
        return index < src.length() && src.charAt(index) == escape
                && (index == 0 || src.charAt(index - 1) != escape);
    }

    private Token queued;

    @Override
    public Token nextToken() {
        Token t;
        if (queued != null) {
            t = queued;
            queued = null;
        } else {
            t = super.nextToken();
            int type = t.getType();
            if ((type == DockerfileLexer.LINE_CONT || type == DockerfileLexer.LEAD_CONT)
                    && !continuationAt(t.getStartIndex())) {
                t = splitFalseContinuation((CommonToken) t);
            }
        }
        int type = t.getType();
        switch (type) {
            case DockerfileLexer.COMMENT -> {
                if (!directivesDone) {
                    directive((CommonToken) t);
                }
            }
            case DockerfileLexer.LEAD_WS -> {
                // whitespace before a keyword; the keyword ends the directive scan
            }
            case DockerfileLexer.TEXT -> {
                if (heredocKeyword) {
                    appendPiece(t);
                }
            }
            case DockerfileLexer.EOL -> endOfLine();
            case DockerfileLexer.HEREDOC_LINE -> heredocLine((CommonToken) t);
            case Token.EOF -> {
                if (!pending.isEmpty() && unterminated == null) {
                    unterminated = pending.peek();
                }
            }
            default -> {
                directivesDone = true;
                if (isKeyword(type)) {
                    logicalLine.setLength(0);
                    pieces = 0;
                    heredocKeyword = type == DockerfileLexer.RUN || type == DockerfileLexer.COPY
                            || type == DockerfileLexer.ADD || type == DockerfileLexer.ONBUILD;
                    if (heredocKeyword) {
                        appendPiece(t);
                    }
                }
            }
        }
        return t;
    }

    /**
     * A continuation-shaped token whose escape character is not the active one, or is itself escaped: its text
     * up to the newline is ordinary text (a keyword at the start of a line), and the newline ends the line.
     */
    private Token splitFalseContinuation(CommonToken t) {
        int start = t.getStartIndex();
        int nl = t.getStopIndex();
        CommonToken text = new CommonToken(_tokenFactorySourcePair,
                t.getType() == DockerfileLexer.LEAD_CONT ? DockerfileLexer.UNKNOWN_KEYWORD : DockerfileLexer.TEXT,
                DEFAULT_TOKEN_CHANNEL, start, nl - 1);
        text.setLine(t.getLine());
        text.setCharPositionInLine(t.getCharPositionInLine());
        CommonToken eol = new CommonToken(_tokenFactorySourcePair, DockerfileLexer.EOL, DEFAULT_TOKEN_CHANNEL, nl, nl);
        eol.setLine(t.getLine());
        eol.setCharPositionInLine(t.getCharPositionInLine() + nl - start);
        queued = eol;
        return text;
    }

    private static boolean isKeyword(int type) {
        return type >= DockerfileLexer.ADD && type <= DockerfileLexer.UNKNOWN_KEYWORD;
    }

    private void appendPiece(Token t) {
        if (pieces == pieceIndex.length) {
            pieceIndex = java.util.Arrays.copyOf(pieceIndex, pieces * 2);
            pieceOffset = java.util.Arrays.copyOf(pieceOffset, pieces * 2);
        }
        pieceIndex[pieces] = logicalLine.length();
        pieceOffset[pieces] = t.getStartIndex();
        pieces++;
        logicalLine.append(source, t.getStartIndex(), t.getStopIndex() + 1);
    }

    /** Source offset of an index of the logical line. */
    private int sourceOffset(int index) {
        int i = java.util.Arrays.binarySearch(pieceIndex, 0, pieces, index);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? 0 : pieceOffset[i] + index - pieceIndex[i];
    }

    private void endOfLine() {
        List<PendingHeredoc> docs = List.of();
        if (heredocKeyword && logicalLine.indexOf("<<") >= 0) {
            docs = heredocScanner.apply(logicalLine.toString());
        }
        logicalLine.setLength(0);
        heredocKeyword = false;
        if (docs.isEmpty()) {
            mode(DEFAULT_MODE);
        } else {
            for (PendingHeredoc d : docs) {
                pending.add(new PendingHeredoc(d.name(), d.chomp(), sourceOffset(d.offset())));
            }
            mode(DockerfileLexer.HEREDOC);
        }
    }

    private void heredocLine(CommonToken t) {
        PendingHeredoc doc = pending.peek();
        if (doc == null) {
            mode(DEFAULT_MODE);
            return;
        }
        String text = t.getText();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int start = 0;
        if (doc.chomp()) {
            while (start < end && text.charAt(start) == '\t') {
                start++;
            }
        }
        if (text.regionMatches(start, doc.name(), 0, doc.name().length()) && end - start == doc.name().length()) {
            t.setType(DockerfileLexer.HEREDOC_END);
            pending.poll();
            if (pending.isEmpty()) {
                mode(DEFAULT_MODE);
            }
        }
    }

    /** BuildKit's {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} on the left-trimmed line. */
    private void directive(CommonToken t) {
        String text = t.getText();
        int n = text.length();
        while (n > 0 && (text.charAt(n - 1) == '\n' || text.charAt(n - 1) == '\r')) {
            n--;
        }
        int i = 0;
        while (i < n && text.charAt(i) != '#') {
            i++;
        }
        i++;
        while (i < n && isReSpace(text.charAt(i))) {
            i++;
        }
        int nameStart = i;
        if (i >= n || !isAsciiLetter(text.charAt(i))) {
            directivesDone = true;
            return;
        }
        while (i < n && (isAsciiLetter(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
        while (i < n && isReSpace(text.charAt(i))) {
            i++;
        }
        if (i >= n || text.charAt(i) != '=') {
            directivesDone = true;
            return;
        }
        i++;
        while (i < n && isReSpace(text.charAt(i))) {
            i++;
        }
        int end = n;
        while (end > i && isReSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end <= i || !(name.equals("syntax") || name.equals("escape") || name.equals("check"))) {
            directivesDone = true;
            return;
        }
        int offset = t.getStartIndex() + nameStart;
        if (seenDirectives.contains(name)) {
            throw new LexError(offset, "only one " + name + " parser directive can be used");
        }
        seenDirectives.add(name);
        if (name.equals("escape")) {
            String value = text.substring(i, end);
            if (!value.equals("`") && !value.equals("\\")) {
                throw new LexError(t.getStartIndex() + i,
                        "invalid escape token '" + value + "' does not match ` or \\");
            }
            escape = value.charAt(0);
        }
        t.setType(DockerfileLexer.DIRECTIVE);
    }

    /** Go RE2's {@code \s}: [\t\n\f\r ]. */
    private static boolean isReSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
