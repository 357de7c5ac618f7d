package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Directive;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.InstructionKind;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Node;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.parser.antlr.DockerfileLexer;
import io.jlint.dockerfile.parser.antlr.DockerfileLexerBase;
import io.jlint.dockerfile.parser.antlr.DockerfileParser.CommentContext;
import io.jlint.dockerfile.parser.antlr.DockerfileParser.DirectiveContext;
import io.jlint.dockerfile.parser.antlr.DockerfileParser.InstructionContext;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.engine.InputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the parse tree into the model: BuildKit's argument semantics, spans, stages, shells, heredocs. */
final class ModelBuilder implements ParseTreeListener {

    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
    /** What BuildKit runs shell-form commands with on a Windows image. */
    static final List<String> WINDOWS_SHELL = List.of("cmd", "/S", "/C");

    private final String path;
    private final String source;
    private final LineIndex lines;
    private final boolean strict;
    private final DockerfileLexerBase lexer;
    private final BufferedTokenStream tokens;
    private char escape;

    private final List<Directive> directives = new ArrayList<>(3);
    private final List<Comment> comments = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    private final List<Instruction.Arg> globalArgs = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    // the stage being built
    private Instruction.From stageFrom;
    private String stageName;
    private int stageBase = -1;
    private List<Instruction> stageInstructions;
    private List<String> shell = DEFAULT_SHELL;
    private final List<List<String>> stageShells = new ArrayList<>();
    /** End of the current instruction's last line (without heredoc bodies). */
    private int lineEnd;

    ModelBuilder(String path, String source, LineIndex lines, boolean strict, DockerfileLexerBase lexer,
                 BufferedTokenStream tokens) {
        this.path = path;
        this.source = source;
        this.lines = lines;
        this.strict = strict;
        this.lexer = lexer;
        this.tokens = tokens;
        this.escape = lexer.escape();
    }

    /** Called as the parser leaves each rule: directives, comments and instructions become model parts. */
    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (ctx.exception != null) {
            return; // the rule failed: the parse is being abandoned (exit listeners still run)
        }
        if (ctx instanceof InstructionContext) {
            instruction(ctx.getStart().getTokenIndex(), ctx.getStop().getTokenIndex());
        } else if (ctx instanceof DirectiveContext) {
            directive(ctx.getStart());
        } else if (ctx instanceof CommentContext) {
            comment(ctx.getStart());
        }
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
        // nothing to do on entry
    }

    @Override
    public void visitTerminal(TerminalNode node) {
        // tokens are read from the stream when their rule ends
    }

    @Override
    public void visitErrorNode(ErrorNode node) {
        // errors abort the parse (BailErrorStrategy)
    }

    /** The model, once the parser has finished. */
    Dockerfile finish() {
        endStage();
        if (instructions.isEmpty()) {
            int line = Math.max(1, lines.lineCount() - (source.endsWith("\n") ? 1 : 0));
            throw new InputException(path, source.isEmpty() ? 1 : line, 1,
                    source.isBlank() ? "empty file: no instructions" : "file with no instructions");
        }
        return new Dockerfile(path, source, lines, lexer.escape(), directives, comments, instructions, globalArgs, stages);
    }

    // ------------------------------------------------------------------ comments and directives

    private int contentEnd(int start, int stopInclusive) {
        int end = Math.min(stopInclusive + 1, source.length());
        while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    private void directive(Token t) {
        int hash = source.indexOf('#', t.getStartIndex());
        int end = contentEnd(hash, t.getStopIndex());
        String text = source.substring(hash + 1, end);
        int eq = text.indexOf('=');
        String name = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(eq + 1).strip();
        directives.add(new Directive(name, value, lines.span(hash, end)));
    }

    private void comment(Token t) {
        int hash = source.indexOf('#', t.getStartIndex());
        int end = contentEnd(hash, t.getStopIndex());
        comments.add(new Comment(source.substring(hash + 1, end), lines.span(hash, end)));
    }

    // ------------------------------------------------------------------ instructions

    /**
     * The logical line of an instruction: its text pieces joined, each character remembering its source offset.
     * One buffer serves every instruction of the file.
     */
    private final class Joined {
        char[] chars = new char[256];
        int[] offsets = new int[257];
        int length;

        void reset() {
            length = 0;
        }

        void append(Token t) {
            int start = t.getStartIndex();
            int end = Math.min(t.getStopIndex() + 1, source.length());
            int n = end - start;
            if (n <= 0) {
                return;
            }
            if (length + n >= chars.length) {
                int cap = Math.max(chars.length * 2, length + n + 1);
                chars = Arrays.copyOf(chars, cap);
                offsets = Arrays.copyOf(offsets, cap + 1);
            }
            source.getChars(start, end, chars, length);
            for (int i = 0; i < n; i++) {
                offsets[length + i] = start + i;
            }
            length += n;
        }

        String text() {
            return new String(chars, 0, length);
        }

        /** Source offset of index {@code i} (the end of the text maps just past its last character). */
        int offset(int i) {
            if (length == 0) {
                return 0;
            }
            return i < length ? offsets[Math.max(0, i)] : offsets[length - 1] + 1;
        }

        Span span(int from, int to) {
            int start = offset(from);
            int end = to > from ? offset(to - 1) + 1 : start;
            return lines.span(start, Math.max(start, end));
        }

        /** {@code [from, to)} as a mapped text of its own. */
        MappedText mapped(String text, int from, int to) {
            return mapped(text.substring(from, to), from, to, true);
        }

        /** Like {@link #mapped(String, int, int)} with the substring already at hand. */
        MappedText mapped(String sub, int from, int to, boolean given) {
            int[] offs = new int[to - from + 1];
            System.arraycopy(offsets, from, offs, 0, to - from);
            offs[to - from] = to > from ? offsets[to - 1] + 1 : offset(from);
            return new MappedText(sub, offs, lines);
        }
    }

    private final Joined joined = new Joined();

    /** A heredoc body as found in the tree: body lines [start, end) and the terminator line. */
    private record Body(int start, int end, Token terminator) {
    }

    /** One instruction: the tokens [from, to] of the stream (leading continuations, keyword, line, heredocs). */
    private void instruction(int from, int to) {
        escape = lexer.escape();
        Token first = tokens.get(from);
        int i = from;
        while (tokens.get(i).getType() != Token.EOF && !isKeyword(tokens.get(i).getType())) {
            if (tokens.get(i).getType() == DockerfileLexer.COMMENT) {
                comment(tokens.get(i));
            }
            i++;
        }
        Token keyword = tokens.get(i++);
        joined.reset();
        joined.append(keyword);
        Token last = keyword;
        boolean inLine = true;
        List<Body> bodies = new ArrayList<>(0);
        int bodyStart = -1;
        for (; i <= to; i++) {
            Token t = tokens.get(i);
            switch (t.getType()) {
                case DockerfileLexer.TEXT -> {
                    joined.append(t);
                    last = t;
                }
                case DockerfileLexer.LINE_CONT, DockerfileLexer.CONT_BLANK -> last = t;
                case DockerfileLexer.CONT_COMMENT -> {
                    comment(t);
                    last = t;
                }
                case DockerfileLexer.EOL -> {
                    if (inLine) {
                        last = t;
                    }
                    inLine = false;
                }
                case DockerfileLexer.HEREDOC_LINE -> {
                    if (bodyStart < 0) {
                        bodyStart = t.getStartIndex();
                    }
                }
                case DockerfileLexer.HEREDOC_END -> {
                    bodies.add(new Body(bodyStart < 0 ? t.getStartIndex() : bodyStart, t.getStartIndex(), t));
                    bodyStart = -1;
                }
                default -> {
                    // hidden whitespace
                }
            }
        }
        int start = first.getStartIndex();
        lineEnd = contentEnd(keyword.getStartIndex(), last.getStopIndex());
        int spanEnd = bodies.isEmpty() ? lineEnd
                : contentEnd(bodies.get(bodies.size() - 1).terminator().getStartIndex(),
                        bodies.get(bodies.size() - 1).terminator().getStopIndex());
        String text = joined.text();
        Line line;
        try {
            line = Line.parse(text, 0, text.length(), escape);
        } catch (Line.LineException e) {
            throw error(e.index, e.getMessage());
        }
        List<Heredoc> heredocs = heredocs(text, line, bodies);
        Span span = lines.span(start, spanEnd);
        String original = source.substring(keyword.getStartIndex(), lineEnd);
        Instruction in = build(text, line, span, original, heredocs);
        add(in);
    }

    private static boolean isKeyword(int type) {
        return type >= DockerfileLexer.ADD && type <= DockerfileLexer.UNKNOWN_KEYWORD;
    }

    private InputException error(int index, String message) {
        Span s = joined.span(index, index + 1);
        return new InputException(path, s.startLine(), s.startColumn(), message);
    }

    private InputException error(Span s, String message) {
        return new InputException(path, s.startLine(), s.startColumn(), message);
    }

    private List<Heredoc> heredocs(String text, Line line, List<Body> bodies) {
        if (!line.canContainHeredoc() || !text.contains("<<")) {
            if (!bodies.isEmpty()) {
                throw new InputException(path, lines.line(bodies.get(0).start()), 1,
                        "here-document body after an instruction that opens none");
            }
            return List.of();
        }
        List<ShellWords.Opener> openers = ShellWords.heredocs(text, 0, text.length());
        List<Heredoc> out = new ArrayList<>(openers.size());
        for (int i = 0; i < openers.size() && i < bodies.size(); i++) {
            ShellWords.Opener o = openers.get(i);
            Body b = bodies.get(i);
            String content = source.substring(b.start(), Math.min(b.end(), source.length()));
            if (o.chomp()) {
                content = chomp(content);
            }
            int bodyEnd = b.end() > b.start() ? contentEnd(b.start(), b.end() - 1) : b.start();
            out.add(new Heredoc(o.name(), o.quoted(), o.chomp(), content, lines.span(b.start(), bodyEnd),
                    joined.span(o.start(), o.end())));
        }
        return out;
    }

    /** Leading tabs removed from every line, as BuildKit does for {@code <<-}. */
    static String chomp(String content) {
        StringBuilder sb = new StringBuilder(content.length());
        boolean lineStart = true;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            sb.append(c);
            lineStart = c == '\n';
        }
        return sb.toString();
    }

    /** The body of a heredoc as text mapped to the source (tabs removed for {@code <<-}). */
    private MappedText bodyText(Heredoc h) {
        int length = h.body().length();
        int[] offs = new int[length + 1];
        int k = 0;
        boolean lineStart = true;
        int i = h.bodySpan().startOffset();
        int n = source.length();
        while (k < length && i < n) {
            char c = source.charAt(i);
            if (!(h.chomp() && lineStart && c == '\t')) {
                offs[k++] = i;
                lineStart = c == '\n';
            }
            i++;
        }
        offs[k] = i;
        return new MappedText(h.body(), k == length ? offs : Arrays.copyOf(offs, k + 1), lines);
    }

    // ------------------------------------------------------------------ the model of one instruction

    private Instruction build(String text, Line line, Span span, String original, List<Heredoc> heredocs) {
        if (line.kind == null) {
            throw error(line.keyword.start(), "unknown instruction: " + line.keyword.text());
        }
        List<Flag> flags = new ArrayList<>(line.flags.size());
        for (Arguments.Piece f : line.flags) {
            String raw = f.text();
            String nv = raw.substring(2);
            int eq = nv.indexOf('=');
            flags.add(new Flag(eq < 0 ? nv : nv.substring(0, eq), eq < 0 ? null : nv.substring(eq + 1), raw,
                    joined.span(f.start(), f.end())));
        }
        // the shell-form argument string is already in args: share it
        String whole = line.args.size() == 1 && line.args.get(0).length() == line.argsEnd - line.argsStart
                && !line.json && line.pairs.isEmpty() ? line.args.get(0) : text.substring(line.argsStart, line.argsEnd);
        MappedText argsText = joined.mapped(whole, line.argsStart, line.argsEnd, true);
        String keywordText = line.keyword.text().equals(line.kind.name()) ? line.kind.name() : line.keyword.text();
        Node node = new Node(line.kind, keywordText, flags, line.args, line.json, original, heredocs, span,
                argsText);
        String kw = line.kind.name();
        List<String> a = line.args;
        switch (line.kind) {
            case FROM -> {
                if (strict && a.size() != 1 && !(a.size() == 3 && a.get(1).equalsIgnoreCase("as"))) {
                    throw error(span, a.size() == 3 ? "when using FROM with 3 arguments, the second argument must be AS"
                            : "FROM requires either one or three arguments");
                }
                String name = a.size() >= 3 && a.get(1).equalsIgnoreCase("as") ? a.get(2) : null;
                if (strict && name != null && name.indexOf('$') < 0 && !validStageName(name)) {
                    throw error(joined.span(line.pieces.get(2).start(), line.pieces.get(2).end()),
                            "invalid name for build stage: " + GoText.quote(name)
                                    + ", name can't start with a number or contain symbols");
                }
                return new Instruction.From(node, a.isEmpty() ? "" : a.get(0), name);
            }
            case RUN -> {
                if (strict && a.isEmpty()) {
                    throw error(span, "RUN requires at least one argument");
                }
                List<Mount> mounts = new ArrayList<>(0);
                for (Flag f : flags) {
                    if (f.is("mount") && f.value() != null) {
                        mounts.add(mount(f));
                    }
                }
                return new Instruction.Run(node, command(line, argsText, heredocs, true), mounts);
            }
            case CMD -> {
                return new Instruction.Cmd(node, command(line, argsText, List.of(), false));
            }
            case ENTRYPOINT -> {
                return new Instruction.Entrypoint(node, command(line, argsText, List.of(), false));
            }
            case COPY, ADD -> {
                if (strict && a.size() < 2) {
                    throw error(span, kw + " requires at least two arguments, but only " + a.size()
                            + " provided. Destination could not be determined");
                }
                List<String> sources = new ArrayList<>(Math.max(0, a.size() - 1));
                for (int i = 0; i + 1 < a.size(); i++) {
                    ShellWords.Opener o = line.json ? null : ShellWords.opener(a.get(i), 0, a.get(i).length());
                    sources.add(o != null && !heredocs.isEmpty() ? o.name() : a.get(i));
                }
                String dest = a.isEmpty() ? "" : a.get(a.size() - 1);
                if (strict && !line.json && !heredocs.isEmpty() && ShellWords.opener(dest, 0, dest.length()) != null) {
                    throw error(span, kw + " cannot accept a heredoc as a destination");
                }
                return line.kind == InstructionKind.COPY ? new Instruction.Copy(node, sources, dest, heredocs)
                        : new Instruction.Add(node, sources, dest, heredocs);
            }
            case ENV, LABEL, ARG -> {
                if (strict && a.isEmpty()) {
                    throw error(span, kw + " requires at least one argument");
                }
                List<KeyValue> pairs = new ArrayList<>(line.pairs.size());
                for (Line.Pair p : line.pairs) {
                    pairs.add(pair(text, p, kw));
                }
                return switch (line.kind) {
                    case ENV -> new Instruction.Env(node, pairs);
                    case LABEL -> new Instruction.Label(node, pairs);
                    default -> new Instruction.Arg(node, pairs);
                };
            }
            case EXPOSE -> {
                if (strict && a.isEmpty()) {
                    throw error(span, "EXPOSE requires at least one argument");
                }
                return new Instruction.Expose(node, a);
            }
            case VOLUME -> {
                if (strict && a.isEmpty()) {
                    throw error(span, "VOLUME requires at least one argument");
                }
                if (strict && a.stream().anyMatch(v -> v.strip().isEmpty())) {
                    throw error(span, "VOLUME specified can not be an empty string");
                }
                return new Instruction.Volume(node, a);
            }
            case USER, WORKDIR, STOPSIGNAL, MAINTAINER -> {
                if (strict && a.isEmpty()) {
                    throw error(span, kw + " requires exactly one argument");
                }
                String v = a.isEmpty() ? "" : a.get(0);
                return switch (line.kind) {
                    case USER -> new Instruction.User(node, v);
                    case WORKDIR -> new Instruction.Workdir(node, v);
                    case STOPSIGNAL -> new Instruction.Stopsignal(node, v);
                    default -> new Instruction.Maintainer(node, v);
                };
            }
            case SHELL -> {
                if (strict && !line.json) {
                    throw error(span, "SHELL requires the arguments to be in JSON form");
                }
                if (strict && a.isEmpty()) {
                    throw error(span, "SHELL requires at least one argument");
                }
                return new Instruction.Shell(node, a);
            }
            case HEALTHCHECK -> {
                return healthcheck(text, line, node, span);
            }
            case ONBUILD -> {
                if (strict && line.trigger == null) {
                    throw error(span, "ONBUILD requires at least one argument");
                }
                Instruction trig = null;
                if (line.trigger != null) {
                    Line tl = line.trigger;
                    String tk = tl.keyword.text().toUpperCase(Locale.ROOT);
                    if (strict && tk.equals("ONBUILD")) {
                        throw error(tl.keyword.start(), "chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
                    }
                    if (strict && (tk.equals("FROM") || tk.equals("MAINTAINER"))) {
                        throw error(tl.keyword.start(), tk + " isn't allowed as an ONBUILD trigger");
                    }
                    if (tl.kind != null) {
                        int ts = joined.offset(tl.keyword.start());
                        Span tspan = lines.span(ts, span.endOffset());
                        String torig = source.substring(ts, Math.max(ts, lineEnd));
                        trig = build(text, tl, tspan, torig, heredocs);
                    }
                    // an unknown trigger keyword only fails when a child image is built: the trigger stays null
                }
                return new Instruction.Onbuild(node, trig);
            }
            default -> throw new IllegalStateException(kw);
        }
    }

    private static boolean validStageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.charAt(0) < 'a' || n.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private KeyValue pair(String t, Line.Pair p, String kw) {
        String key;
        String value = null;
        String raw = null;
        try {
            key = ShellWords.unquote(t, p.key().start(), p.key().end(), escape);
        } catch (ShellWords.WordException e) {
            if (strict) {
                throw error(e.index, e.getMessage());
            }
            key = p.key().text();
        }
        if (strict && key.isEmpty()) {
            throw error(p.start(), kw + " names can not be blank");
        }
        if (p.value() != null) {
            raw = p.value().text();
            try {
                value = ShellWords.unquote(t, p.value().start(), p.value().end(), escape);
            } catch (ShellWords.WordException e) {
                if (strict) {
                    throw error(e.index, e.getMessage());
                }
                value = raw;
            }
        }
        return new KeyValue(key, value, raw, p.legacy(), joined.span(p.start(), p.end()));
    }

    private Instruction healthcheck(String text, Line line, Node node, Span span) {
        List<String> a = line.args;
        if (a.isEmpty()) {
            if (strict) {
                throw error(span, "HEALTHCHECK requires at least one argument");
            }
            return new Instruction.Healthcheck(node, false, null);
        }
        String type = a.get(0).toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (strict && a.size() > 1) {
                throw error(span, "HEALTHCHECK NONE takes no arguments");
            }
            return new Instruction.Healthcheck(node, true, null);
        }
        if (!type.equals("CMD")) {
            if (strict) {
                throw error(span, "unknown type " + GoText.quote(a.get(0)) + " in HEALTHCHECK (try CMD)");
            }
            return new Instruction.Healthcheck(node, false, null);
        }
        if (strict && a.size() < 2) {
            throw error(span, "missing command after HEALTHCHECK CMD");
        }
        MappedText cmdText = joined.mapped(text, line.healthCommandStart, line.argsEnd);
        List<String> cmdArgs = a.subList(1, a.size());
        return new Instruction.Healthcheck(node, false, commandLine(line.json, cmdArgs, cmdText, List.of(), false));
    }

    private CommandLine command(Line line, MappedText argsText, List<Heredoc> heredocs, boolean run) {
        return commandLine(line.json, line.args, argsText, heredocs, run);
    }

    private CommandLine commandLine(boolean json, List<String> args, MappedText text, List<Heredoc> heredocs,
                                    boolean run) {
        if (json) {
            return new CommandLine(true, args, null, false, shell, List.of());
        }
        boolean posix = new CommandLine(false, List.of(), null, false, shell, List.of()).posixShell();
        List<ShellScript> scripts = new ArrayList<>(1);
        String t = text.text();
        if (posix && run && !heredocs.isEmpty() && ShellWords.opener(t, 0, t.length()) != null) {
            // RUN <<EOF: BuildKit runs the first body through the shell (or, with a #! line, as its own script)
            Heredoc h = heredocs.get(0);
            if (!h.body().startsWith("#!") || shebangIsPosix(h.body())) {
                scripts.add(ShellParser.parse(bodyText(h)));
            }
        } else if (posix && !t.isEmpty()) {
            scripts.add(ShellParser.parse(text));
            if (run && !heredocs.isEmpty() && shellReadsStdin(t)) {
                scripts.add(ShellParser.parse(bodyText(heredocs.get(0))));
            }
        }
        return new CommandLine(false, List.of(), text, looksLikeJson(t), shell, scripts);
    }

    private static final java.util.Set<String> POSIX_SHELLS = java.util.Set.of("sh", "bash", "ash", "dash", "zsh",
            "ksh", "mksh");

    private static boolean shebangIsPosix(String body) {
        int nl = body.indexOf('\n');
        String[] parts = body.substring(2, nl < 0 ? body.length() : nl).trim().split("[ \t]+");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return false;
        }
        String prog = base(parts[0]);
        if (prog.equals("env")) {
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].startsWith("-")) {
                    return POSIX_SHELLS.contains(base(parts[i]));
                }
            }
            return false;
        }
        return POSIX_SHELLS.contains(prog);
    }

    private static String base(String prog) {
        return prog.substring(prog.lastIndexOf('/') + 1);
    }

    /**
     * True when the command is a POSIX shell reading its script from standard input, which the first heredoc
     * feeds: {@code bash <<EOF}, {@code sh -ex <<-EOT}, {@code bash -s <<'X'}.
     */
    private static boolean shellReadsStdin(String cmd) {
        List<Arguments.Piece> words = Arguments.splitWhitespace(cmd, 0, cmd.length());
        boolean first = true;
        boolean sawHeredoc = false;
        for (Arguments.Piece w : words) {
            String s = w.text();
            if (ShellWords.opener(s, 0, s.length()) != null) {
                sawHeredoc = true;
                continue;
            }
            if (first) {
                if (!POSIX_SHELLS.contains(base(s))) {
                    return false;
                }
                first = false;
                continue;
            }
            if (!s.startsWith("-") || s.contains("c")) {
                return false;
            }
        }
        return sawHeredoc && !first;
    }

    /**
     * Shell-form text that was meant as an exec form: a bracket, then quoted strings separated by commas, with the
     * quotes, a comma or the closing bracket wrong ({@code ['a', 'b']}, {@code ["a" "b"]}, {@code ["a", "b"}). A shell test such as
     * {@code [ -f x ]} or {@code [ "$a" = b ]} is not.
     */
    static boolean looksLikeJson(String t) {
        int i = 0;
        int n = t.length();
        if (n == 0 || t.charAt(0) != '[') {
            return false;
        }
        i++;
        int elements = 0;
        while (true) {
            while (i < n && GoText.isSpace(t.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return elements > 0;
            }
            char q = t.charAt(i);
            if (elements == 0 && q == ']') {
                return false;
            }
            char close = switch (q) {
                case '"' -> '"';
                case '\'' -> '\'';
                case '\u201C' -> '\u201D';
                case '\u2018' -> '\u2019';
                default -> 0;
            };
            if (close == 0) {
                return false;
            }
            i++;
            while (i < n && t.charAt(i) != close && !(close == '\u201D' && t.charAt(i) == '\u201C')) {
                if (t.charAt(i) == '\\') {
                    i++;
                }
                i++;
            }
            if (i >= n) {
                return true;
            }
            i++;
            elements++;
            while (i < n && GoText.isSpace(t.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return true;
            }
            if (t.charAt(i) == ']') {
                return t.substring(i + 1).isBlank();
            }
            char next = t.charAt(i);
            if (next == ',') {
                i++;
            } else if (next != '"' && next != '\'' && next != '\u201C' && next != '\u2018') {
                return false;
            }
            // a quote right after an element: a missing comma (["python" "app.py"]), still meant as exec form
        }
    }

    /** A {@code --mount} value: comma-separated {@code key=value} fields (CSV quoting), type bind by default. */
    static Mount mount(Flag f) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String field : csv(f.value())) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            options.put(key, eq < 0 ? "true" : field.substring(eq + 1));
        }
        String type = options.getOrDefault("type", "bind");
        return new Mount(type, options, f);
    }

    private static List<String> csv(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                cur.append(c);
            }
            fieldStart = false;
        }
        out.add(cur.toString());
        return out;
    }

    // ------------------------------------------------------------------ stages

    private void add(Instruction in) {
        instructions.add(in);
        if (in instanceof Instruction.From from) {
            endStage();
            stageFrom = from;
            stageName = from.stageName();
            stageBase = -1;
            String ref = from.image().toLowerCase(Locale.ROOT);
            for (int i = stages.size() - 1; i >= 0; i--) {
                String n = stages.get(i).name();
                if (n != null && n.toLowerCase(Locale.ROOT).equals(ref)) {
                    stageBase = i;
                    break;
                }
            }
            stageInstructions = new ArrayList<>();
            shell = stageBase >= 0 ? stageShells.get(stageBase) : windows(from) ? WINDOWS_SHELL : DEFAULT_SHELL;
            return;
        }
        if (stageFrom == null) {
            if (in instanceof Instruction.Arg arg) {
                globalArgs.add(arg);
            } else if (strict) {
                throw error(in.span(), in.kind().name() + " instruction before the first FROM "
                        + "(only ARG may come before FROM)");
            }
            return;
        }
        stageInstructions.add(in);
        if (in instanceof Instruction.Shell sh && !sh.shell().isEmpty()) {
            shell = sh.shell();
        }
    }

    /**
     * A best guess that a stage starts from a Windows image (BuildKit reads the OS from the image config, which a
     * linter does not have): a {@code --platform=windows/…} flag or a Windows image name, global ARG defaults
     * substituted.
     */
    private boolean windows(Instruction.From from) {
        String platform = from.flag("platform").map(f -> f.value()).orElse("");
        if (platform != null && platform.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true;
        }
        String image = from.image();
        for (Instruction.Arg arg : globalArgs) {
            for (KeyValue kv : arg.pairs()) {
                if (kv.value() != null && image.contains("$")) {
                    image = image.replace("${" + kv.key() + "}", kv.value()).replace("$" + kv.key(), kv.value());
                }
            }
        }
        String lower = image.toLowerCase(Locale.ROOT);
        return lower.contains("windows") || lower.contains("nanoserver") || lower.contains("servercore");
    }

    private void endStage() {
        if (stageFrom != null) {
            stages.add(new Stage(stages.size(), stageName, stageFrom, stageInstructions, stageBase));
            stageShells.add(shell);
            stageFrom = null;
        }
    }
}
