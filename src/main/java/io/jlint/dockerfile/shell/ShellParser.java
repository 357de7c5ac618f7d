package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses POSIX shell text (plus the bash constructs Dockerfiles commonly use) into a {@link ShellScript}.
 *
 * <h2>Why a hand-written parser</h2>
 * Shell lexing depends on the parser's state (reserved words only in command position, here-document bodies
 * after the next newline, {@code case} patterns ending in {@code )}, {@code [[ … ]]} operators), and the
 * text must be consumed in one pass that never throws and stops gracefully on anything it does not understand.
 * A generated grammar handles none of that well, so this is a small context-sensitive tokenizer driven by a
 * recursive-descent parser. Flat sequences ({@code a && b && …}, {@code a; b; …}, pipelines) are parsed by
 * loops, so a 5,000-command chain uses constant stack; nesting (compound commands, {@code $(…)}, {@code ${…}},
 * backticks) recurses, and deeper than {@link #MAX_DEPTH} levels the parse stops with {@code complete=false}.
 *
 * <h2>Grammar subset</h2>
 * <pre>
 * script    := linebreak list EOF           (a token that fits nowhere is skipped and complete=false)
 * list      := and_or ((';' | '&amp;' | NEWLINE) linebreak and_or)* [';' | '&amp;']
 * and_or    := pipeline (('&amp;&amp;' | '||') linebreak pipeline)*
 * pipeline  := ['!'] command (('|' | '|&amp;') linebreak command)*
 * command   := simple | compound redirect* | funcdef
 * compound  := '(' list ')' | '{' list '}' | '((' arithmetic '))' | '[[' word* ']]'
 *            | if list then list (elif list then list)* [else list] fi
 *            | (for | select) NAME [linebreak in word*] [';' | NEWLINE] linebreak do list done
 *            | for '((' arithmetic '))' [';' | NEWLINE] linebreak do list done
 *            | (while | until) list do list done
 *            | case word linebreak in linebreak
 *                (['('] word ('|' word)* ')' list [';;' | ';&amp;' | ';;&amp;'] linebreak)* esac
 * funcdef   := NAME '(' ')' linebreak command | function NAME ['(' ')'] linebreak command
 * simple    := (assignment | redirect)* [word (word | redirect)*]
 * redirect  := [fd] ('&lt;' | '&gt;' | '&gt;&gt;' | '&gt;|' | '&lt;&gt;' | '&lt;&amp;' | '&gt;&amp;' | '&amp;&gt;'
 *                    | '&amp;&gt;&gt;' | '&lt;&lt;&lt;') word
 *            | [fd] ('&lt;&lt;' | '&lt;&lt;-') word   (the body lines follow the next newline token and are skipped)
 * word      := ( unquoted char | '\' char | '…' | "…" | $'…' | $"…" | $NAME | $N | $@ … | ${…} | $(…)
 *              | $((…)) | `…` | &lt;(…) | &gt;(…) | NAME=(…) )+
 * </pre>
 * Reserved words are recognised only unquoted and in command position. A here-document body that is not in
 * the text (the Dockerfile parser takes RUN heredoc bodies out of the command line) is simply absent; an
 * unterminated one runs to the end of the text, as in the shell. Commands inside {@code $(…)}, backticks and
 * process substitutions are listed in {@link ShellScript#commands()} with {@code inSubstitution=true}, but
 * their syntax trees are not attached to {@link ShellScript#root()}.
 *
 * <p>Not understood (the text around them still parses): arithmetic (only the {@code $(…)} in {@code $((…))} are
 * parsed), {@code [[ … ]]} operators (kept
 * as words), here-document bodies (skipped, never parsed), {@code coproc}, {@code {fd}&gt;} named descriptors,
 * extended globs, {@code $[…]}, history expansion, aliases.
 */
public final class ShellParser {

    /** Nesting deeper than this (compound commands, substitutions, {@code ${…}}) stops the parse. */
    public static final int MAX_DEPTH = 100;

    /** How far {@code ((} / {@code $((} looks ahead for the closing {@code ))} before deciding it is not arithmetic. */
    private static final int ARITH_LOOKAHEAD = 10_000;

    private ShellParser() {
    }

    /** Parses the text; never throws: on anything not understood, returns what it has with {@code complete=false}. */
    public static ShellScript parse(MappedText text) {
        Ctx ctx = new Ctx(text.text().length());
        ShellNode root = null;
        try {
            root = new Parser(text, ctx, false).parseScript(true);
        } catch (RuntimeException | StackOverflowError e) {
            // Last resort: a bug or an absurdly small stack must not take the linter down; say less instead.
            ctx.incomplete = true;
        }
        List<SimpleCommand> commands = new ArrayList<>(ctx.commands);
        // a plain comparator, not Comparator.comparingInt: that is a java.util lambda JDK 17's CDS cannot hold
        commands.sort((a, b) -> Integer.compare(a.span().startOffset(), b.span().startOffset()));
        return new ShellScript(text, root, commands, !ctx.incomplete);
    }

    /** A word's value after quote removal, with the index in the raw text of each value character. */
    record Unquoted(String value, int[] rawIndex) {
    }

    /**
     * Quote removal of one word as written ({@code raw} must be a single word; anything after its end is
     * ignored): used to map the characters of an {@code sh -c '…'} argument back to the source.
     */
    static Unquoted unquote(String raw) {
        Ctx ctx = new Ctx(raw.length());
        Parser p = new Parser(MappedText.contiguous(raw, 0, LineIndex.of(raw)), ctx, false);
        try {
            return p.unquoteWord();
        } catch (RuntimeException | StackOverflowError e) {
            return new Unquoted("", new int[0]);
        }
    }

    /** State shared by a parse and the sub-parses of backtick substitutions. */
    private static final class Ctx {
        final List<SimpleCommand> commands = new ArrayList<>();
        boolean incomplete;
        int depth;
        long lookaheadBudget;

        Ctx(int length) {
            lookaheadBudget = 4L * length + 100_000;
        }
    }

    /** Thrown to abandon a parse nested deeper than {@link #MAX_DEPTH}; caught by the top-level parse. */
    private static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bail() {
            super(null, null, false, false);
        }
    }

    private static final int EOF = 0;
    private static final int NEWLINE = 1;
    private static final int OP = 2;
    private static final int WORD = 3;
    private static final int REDIR = 4;

    private static final class Tok {
        int type;
        int start;
        int end;
        /** Operator text for OP and REDIR (without the fd digits). */
        String op;
        /** WORD: as written, after quote removal, literal, index of the assignment '=' (or -1). */
        String raw;
        String value;
        boolean literal;
        int eq = -1;
        boolean valueLiteral;
        /** REDIR: explicit fd digits or null; for here-documents the delimiter word (null when missing). */
        String fd;
        Tok target;
    }

    /** The value being built for one word, and what was seen in it. */
    private static final class WordState {
        final StringBuilder sb = new StringBuilder();
        int[] idx;
        int idxLen;
        boolean expansion;
        boolean glob;
        boolean brace;
        boolean tilde;
        int firstQuote = -1;
        boolean bracketOpen;
        int braceDepth;
        boolean braceList;

        WordState(boolean recordIndex) {
            idx = recordIndex ? new int[16] : null;
        }

        void add(char c, int at) {
            sb.append(c);
            if (idx != null) {
                if (idxLen == idx.length) {
                    idx = java.util.Arrays.copyOf(idx, idxLen * 2);
                }
                idx[idxLen++] = at;
            }
        }

        void quoted() {
            if (firstQuote < 0) {
                firstQuote = sb.length();
            }
        }
    }

    private record Pending(String delimiter, boolean stripTabs) {
    }

    private static final class Parser {
        private final MappedText mt;
        private final String s;
        private final int n;
        private final Ctx ctx;
        private int pos;
        private Tok peeked;
        private boolean inSub;
        private boolean condMode;
        private final List<Pending> pending = new ArrayList<>();

        Parser(MappedText mt, Ctx ctx, boolean inSub) {
            this.mt = mt;
            this.s = mt.text();
            this.n = s.length();
            this.ctx = ctx;
            this.inSub = inSub;
        }

        // ------------------------------------------------------------------ nesting

        private void enter() {
            if (++ctx.depth > MAX_DEPTH) {
                ctx.incomplete = true;
                throw new Bail();
            }
        }

        private void exit() {
            ctx.depth--;
        }

        // ------------------------------------------------------------------ parser

        ShellNode parseScript(boolean root) {
            List<ShellNode> els = new ArrayList<>();
            List<String> seps = new ArrayList<>();
            int depth = ctx.depth;
            while (true) {
                try {
                    parseListInto(els, seps);
                } catch (Bail b) {
                    if (!root) {
                        throw b;
                    }
                    ctx.depth = depth;
                    break;
                }
                Tok t = peek();
                if (t.type == EOF) {
                    break;
                }
                ctx.incomplete = true;
                next();
            }
            return listNode(els, seps);
        }

        private void parseListInto(List<ShellNode> els, List<String> seps) {
            skipNewlines();
            while (startsCommand(peek())) {
                while (seps.size() < els.size()) {
                    seps.add(";");
                }
                ShellNode node = parseAndOr();
                if (node == null) {
                    break;
                }
                els.add(node);
                Tok t = peek();
                if (isOp(t, ";") || isOp(t, "&")) {
                    next();
                    seps.add(t.op);
                    skipNewlines();
                } else if (t.type == NEWLINE) {
                    skipNewlines();
                    seps.add("\n");
                } else {
                    break;
                }
            }
        }

        private ShellNode listNode(List<ShellNode> els, List<String> seps) {
            while (seps.size() > els.size()) {
                seps.remove(seps.size() - 1);
            }
            if (!seps.isEmpty() && seps.size() == els.size() && !seps.get(seps.size() - 1).equals("&")) {
                seps.remove(seps.size() - 1);
            }
            if (els.isEmpty()) {
                return null;
            }
            if (els.size() == 1 && seps.isEmpty()) {
                return els.get(0);
            }
            return new ShellNode.Sequence(els, seps, els.get(0).span().union(els.get(els.size() - 1).span()));
        }

        /** A list inside a compound command: never null (an empty list is an empty sequence). */
        private ShellNode compoundList(Span at) {
            List<ShellNode> els = new ArrayList<>();
            List<String> seps = new ArrayList<>();
            parseListInto(els, seps);
            ShellNode node = listNode(els, seps);
            if (node == null) {
                Tok t = peek();
                Span here = t.type == EOF ? at : mt.span(t.start, t.start);
                return new ShellNode.Sequence(List.of(), List.of(), here);
            }
            return node;
        }

        private ShellNode parseAndOr() {
            ShellNode first = parsePipeline();
            if (first == null) {
                return null;
            }
            List<ShellNode> els = new ArrayList<>();
            List<String> ops = new ArrayList<>();
            els.add(first);
            while (isOp(peek(), "&&") || isOp(peek(), "||")) {
                String op = next().op;
                skipNewlines();
                ShellNode p = startsCommand(peek()) ? parsePipeline() : null;
                if (p == null) {
                    ctx.incomplete = true;
                    break;
                }
                els.add(p);
                ops.add(op);
            }
            if (els.size() == 1) {
                return first;
            }
            return new ShellNode.AndOrList(els, ops, first.span().union(els.get(els.size() - 1).span()));
        }

        private ShellNode parsePipeline() {
            Span start = null;
            boolean negated = false;
            while (isWord(peek(), "!")) {
                Tok bang = next();
                negated = !negated;
                if (start == null) {
                    start = span(bang);
                }
            }
            ShellNode first = startsCommand(peek()) ? parseCommand() : null;
            if (first == null) {
                if (start != null) {
                    ctx.incomplete = true;
                }
                return null;
            }
            List<ShellNode> els = new ArrayList<>();
            els.add(first);
            while (isOp(peek(), "|") || isOp(peek(), "|&")) {
                next();
                skipNewlines();
                ShellNode c = startsCommand(peek()) ? parseCommand() : null;
                if (c == null) {
                    ctx.incomplete = true;
                    break;
                }
                els.add(c);
            }
            if (els.size() == 1 && start == null) {
                return first;
            }
            Span sp = (start != null ? start : first.span()).union(els.get(els.size() - 1).span());
            return new ShellNode.Pipeline(els, negated, sp);
        }

        private ShellNode parseCommand() {
            Tok t = peek();
            if (isOp(t, "(")) {
                if (t.start + 1 < n && s.charAt(t.start + 1) == '(') {
                    int end = scanArith(t.start + 2);
                    if (end >= 0) {
                        peeked = null;
                        pos = Math.max(end, arithSubstitutions(t.start + 2, end - 2));
                        Span sp = mt.span(t.start, pos);
                        List<Redirect> rs = parseRedirects();
                        return new ShellNode.Compound("((", List.of(), rs, withRedirects(sp, rs));
                    }
                }
                return parseGroup(true);
            }
            if (t.type == WORD) {
                switch (t.raw) {
                    case "{":
                        return parseGroup(false);
                    case "if":
                        return parseIf();
                    case "for":
                    case "select":
                        return parseFor();
                    case "while":
                    case "until":
                        return parseWhile();
                    case "case":
                        return parseCase();
                    case "function":
                        return parseFunctionKeyword();
                    case "[[":
                        return parseCond();
                    default:
                        break;
                }
            }
            return parseSimple();
        }

        private ShellNode parseGroup(boolean subshell) {
            enter();
            try {
                Tok open = next();
                Span sp = span(open);
                ShellNode body = compoundList(sp);
                sp = sp.union(body.span());
                Tok close = peek();
                if (subshell ? isOp(close, ")") : isWord(close, "}")) {
                    next();
                    sp = sp.union(span(close));
                } else {
                    ctx.incomplete = true;
                    return new ShellNode.Group(body, subshell, List.of(), sp);
                }
                List<Redirect> rs = parseRedirects();
                return new ShellNode.Group(body, subshell, rs, withRedirects(sp, rs));
            } finally {
                exit();
            }
        }

        private ShellNode parseIf() {
            enter();
            try {
                Span sp = span(next());
                List<ShellNode> parts = new ArrayList<>();
                parts.add(compoundList(sp));
                if (!expect("then")) {
                    return incompleteCompound("if", parts, sp);
                }
                parts.add(compoundList(sp));
                while (true) {
                    if (isWord(peek(), "elif")) {
                        next();
                        parts.add(compoundList(sp));
                        if (!expect("then")) {
                            return incompleteCompound("if", parts, sp);
                        }
                        parts.add(compoundList(sp));
                    } else if (isWord(peek(), "else")) {
                        next();
                        parts.add(compoundList(sp));
                    } else {
                        break;
                    }
                }
                return closeCompound("if", "fi", parts, sp);
            } finally {
                exit();
            }
        }

        private ShellNode parseFor() {
            enter();
            try {
                Tok kw = next();
                Span sp = span(kw);
                List<ShellNode> parts = new ArrayList<>();
                Tok t = peek();
                if (kw.raw.equals("for") && isOp(t, "(") && t.start + 1 < n && s.charAt(t.start + 1) == '(') {
                    int end = scanArith(t.start + 2);
                    if (end < 0) {
                        return incompleteCompound("for", parts, sp);
                    }
                    peeked = null;
                    pos = end;
                } else if (t.type == WORD) {
                    next();
                    skipNewlines();
                    if (isWord(peek(), "in")) {
                        next();
                        while (peek().type == WORD) {
                            next();
                        }
                    }
                } else {
                    return incompleteCompound("for", parts, sp);
                }
                if (isOp(peek(), ";")) {
                    next();
                }
                skipNewlines();
                if (isWord(peek(), "{")) {
                    ShellNode body = parseGroup(false);
                    parts.add(body);
                    return new ShellNode.Compound(kw.raw, parts, List.of(), sp.union(body.span()));
                }
                if (!expect("do")) {
                    return incompleteCompound(kw.raw, parts, sp);
                }
                parts.add(compoundList(sp));
                return closeCompound(kw.raw, "done", parts, sp);
            } finally {
                exit();
            }
        }

        private ShellNode parseWhile() {
            enter();
            try {
                Tok kw = next();
                Span sp = span(kw);
                List<ShellNode> parts = new ArrayList<>();
                parts.add(compoundList(sp));
                if (!expect("do")) {
                    return incompleteCompound(kw.raw, parts, sp);
                }
                parts.add(compoundList(sp));
                return closeCompound(kw.raw, "done", parts, sp);
            } finally {
                exit();
            }
        }

        private ShellNode parseCase() {
            enter();
            try {
                Span sp = span(next());
                List<ShellNode> parts = new ArrayList<>();
                if (peek().type != WORD) {
                    return incompleteCompound("case", parts, sp);
                }
                next();
                skipNewlines();
                if (!expect("in")) {
                    return incompleteCompound("case", parts, sp);
                }
                skipNewlines();
                while (!isWord(peek(), "esac")) {
                    if (isOp(peek(), "(")) {
                        next();
                    }
                    if (peek().type != WORD) {
                        return incompleteCompound("case", parts, sp);
                    }
                    next();
                    while (isOp(peek(), "|")) {
                        next();
                        if (peek().type != WORD) {
                            return incompleteCompound("case", parts, sp);
                        }
                        next();
                    }
                    if (!isOp(peek(), ")")) {
                        return incompleteCompound("case", parts, sp);
                    }
                    next();
                    parts.add(compoundList(sp));
                    Tok t = peek();
                    if (isOp(t, ";;") || isOp(t, ";&") || isOp(t, ";;&")) {
                        next();
                        skipNewlines();
                    } else if (!isWord(t, "esac")) {
                        return incompleteCompound("case", parts, sp);
                    }
                }
                return closeCompound("case", "esac", parts, sp);
            } finally {
                exit();
            }
        }

        private ShellNode parseFunctionKeyword() {
            enter();
            try {
                Span sp = span(next());
                List<ShellNode> parts = new ArrayList<>();
                if (peek().type != WORD) {
                    return incompleteCompound("function", parts, sp);
                }
                sp = sp.union(span(next()));
                if (isOp(peek(), "(")) {
                    next();
                    if (!isOp(peek(), ")")) {
                        return incompleteCompound("function", parts, sp);
                    }
                    next();
                }
                return functionBody(parts, sp);
            } finally {
                exit();
            }
        }

        private ShellNode functionBody(List<ShellNode> parts, Span sp) {
            skipNewlines();
            ShellNode body = startsCommand(peek()) ? parseCommand() : null;
            if (body == null) {
                return incompleteCompound("function", parts, sp);
            }
            parts.add(body);
            return new ShellNode.Compound("function", parts, List.of(), sp.union(body.span()));
        }

        /** {@code [[ … ]]}: a simple command whose words are everything up to {@code ]]}. */
        private ShellNode parseCond() {
            List<Word> words = new ArrayList<>();
            words.add(word(next()));
            condMode = true;
            boolean closed = false;
            try {
                while (true) {
                    Tok t = peek();
                    if (t.type == NEWLINE) {
                        next();
                        continue;
                    }
                    if (t.type != WORD) {
                        break;
                    }
                    next();
                    words.add(word(t));
                    if (t.raw.equals("]]")) {
                        closed = true;
                        break;
                    }
                }
            } finally {
                condMode = false;
            }
            if (!closed) {
                ctx.incomplete = true;
            }
            List<Redirect> rs = closed ? parseRedirects() : List.of();
            Span sp = words.get(0).span().union(words.get(words.size() - 1).span());
            SimpleCommand c = new SimpleCommand(List.of(), words, rs, withRedirects(sp, rs), inSub);
            ctx.commands.add(c);
            return c;
        }

        private ShellNode parseSimple() {
            List<Assignment> assignments = new ArrayList<>();
            List<Word> words = new ArrayList<>();
            List<Redirect> redirects = new ArrayList<>();
            Span sp = null;
            while (true) {
                Tok t = peek();
                if (t.type == REDIR) {
                    Redirect r = parseRedirect();
                    redirects.add(r);
                    sp = sp == null ? r.span() : sp.union(r.span());
                } else if (t.type == WORD) {
                    next();
                    Span ws = span(t);
                    sp = sp == null ? ws : sp.union(ws);
                    if (words.isEmpty() && t.eq > 0) {
                        assignments.add(assignment(t));
                    } else {
                        words.add(word(t));
                        if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()
                                && isOp(peek(), "(")) {
                            next();
                            if (isOp(peek(), ")")) {
                                next();
                                enter();
                                try {
                                    return functionBody(new ArrayList<>(), sp);
                                } finally {
                                    exit();
                                }
                            }
                            ctx.incomplete = true;
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            if (sp == null) {
                return null;
            }
            SimpleCommand c = new SimpleCommand(assignments, words, redirects, sp, inSub);
            ctx.commands.add(c);
            return c;
        }

        private List<Redirect> parseRedirects() {
            List<Redirect> rs = null;
            while (peek().type == REDIR) {
                if (rs == null) {
                    rs = new ArrayList<>();
                }
                rs.add(parseRedirect());
            }
            return rs == null ? List.of() : rs;
        }

        private Redirect parseRedirect() {
            Tok r = next();
            String op = r.fd == null ? r.op : r.fd + r.op;
            Tok target;
            if (r.op.startsWith("<<") && !r.op.equals("<<<")) {
                target = r.target;
            } else if (peek().type == WORD) {
                target = next();
            } else {
                target = null;
            }
            if (target == null) {
                ctx.incomplete = true;
                return new Redirect(op, null, span(r));
            }
            return new Redirect(op, word(target), mt.span(r.start, target.end));
        }

        private boolean expect(String keyword) {
            if (isWord(peek(), keyword)) {
                next();
                return true;
            }
            ctx.incomplete = true;
            return false;
        }

        private ShellNode closeCompound(String keyword, String closer, List<ShellNode> parts, Span sp) {
            Tok t = peek();
            if (!isWord(t, closer)) {
                return incompleteCompound(keyword, parts, sp);
            }
            next();
            Span full = sp.union(span(t));
            List<Redirect> rs = parseRedirects();
            return new ShellNode.Compound(keyword, parts, rs, withRedirects(full, rs));
        }

        private ShellNode incompleteCompound(String keyword, List<ShellNode> parts, Span sp) {
            ctx.incomplete = true;
            Span full = sp;
            for (ShellNode p : parts) {
                full = full.union(p.span());
            }
            return new ShellNode.Compound(keyword, parts, List.of(), full);
        }

        private static Span withRedirects(Span sp, List<Redirect> rs) {
            return rs.isEmpty() ? sp : sp.union(rs.get(rs.size() - 1).span());
        }

        private boolean startsCommand(Tok t) {
            if (t.type == REDIR || isOp(t, "(")) {
                return true;
            }
            if (t.type != WORD) {
                return false;
            }
            switch (t.raw) {
                case "then":
                case "elif":
                case "else":
                case "fi":
                case "do":
                case "done":
                case "esac":
                case "}":
                    return false;
                default:
                    return true;
            }
        }

        private void skipNewlines() {
            while (peek().type == NEWLINE) {
                next();
            }
        }

        private static boolean isOp(Tok t, String op) {
            return t.type == OP && t.op.equals(op);
        }

        /** An unquoted word spelled exactly so (reserved words are never quoted). */
        private static boolean isWord(Tok t, String raw) {
            return t.type == WORD && t.raw.equals(raw);
        }

        private Span span(Tok t) {
            return mt.span(t.start, t.end);
        }

        private Word word(Tok t) {
            return new Word(t.raw, t.value, t.literal, span(t));
        }

        private Assignment assignment(Tok t) {
            int nameEnd = t.value.charAt(t.eq - 1) == '+' ? t.eq - 1 : t.eq;
            Word value = new Word(t.raw.substring(t.eq + 1), t.value.substring(t.eq + 1), t.valueLiteral,
                    mt.span(t.start + t.eq + 1, t.end));
            return new Assignment(t.value.substring(0, nameEnd), value, span(t));
        }

        private Tok peek() {
            if (peeked == null) {
                peeked = lex();
            }
            return peeked;
        }

        private Tok next() {
            Tok t = peek();
            peeked = null;
            return t;
        }

        // ------------------------------------------------------------------ substitutions

        /** {@code $(…)}, {@code <(…)}, {@code >(…)}: {@code pos} is just after the opening parenthesis. */
        private void parseSubstitution() {
            enter();
            boolean savedSub = inSub;
            boolean savedCond = condMode;
            Tok savedPeek = peeked;
            inSub = true;
            condMode = false;
            peeked = null;
            try {
                List<ShellNode> els = new ArrayList<>();
                List<String> seps = new ArrayList<>();
                while (true) {
                    parseListInto(els, seps);
                    Tok t = peek();
                    if (isOp(t, ")")) {
                        next();
                        break;
                    }
                    if (t.type == EOF) {
                        ctx.incomplete = true;
                        peeked = null;
                        break;
                    }
                    ctx.incomplete = true;
                    next();
                }
            } finally {
                inSub = savedSub;
                condMode = savedCond;
                peeked = savedPeek;
                exit();
            }
        }

        /**
         * Looks for the {@code ))} closing an arithmetic expression that starts at {@code from}; returns the index
         * after it, or -1 when the parentheses show it is not arithmetic (e.g. {@code ((a) | b)}) or it is too long.
         */
        private int scanArith(int from) {
            int depth = 0;
            int limit = (int) Math.min(n, (long) from + ARITH_LOOKAHEAD);
            for (int i = from; i < limit; i++) {
                if (--ctx.lookaheadBudget < 0) {
                    ctx.incomplete = true;
                    return -1;
                }
                char c = s.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return i + 1 < n && s.charAt(i + 1) == ')' ? i + 2 : -1;
                    }
                    depth--;
                } else if (c == '\\') {
                    i++;
                } else if (c == '\'' || c == '"') {
                    int j = i + 1;
                    while (j < limit && s.charAt(j) != c) {
                        if (c == '"' && s.charAt(j) == '\\') {
                            j++;
                        }
                        j++;
                    }
                    ctx.lookaheadBudget -= j - i;
                    i = j;
                }
            }
            return -1;
        }

        /**
         * Parses the command substitutions inside arithmetic text {@code [from, to)} (e.g. {@code $(nproc)} in
         * {@code $(( $(nproc) + 1 ))}) so their commands are listed; returns where the last one ended.
         */
        private int arithSubstitutions(int from, int to) {
            int end = from;
            for (int i = from; i + 1 < to; i++) {
                if (s.charAt(i) == '$' && s.charAt(i + 1) == '(' && (i + 2 >= n || s.charAt(i + 2) != '(')) {
                    pos = i + 2;
                    parseSubstitution();
                    end = pos;
                    i = pos - 1;
                }
            }
            return end;
        }

        // ------------------------------------------------------------------ lexer

        private Tok lex() {
            skipBlanksAndComments();
            Tok t = new Tok();
            t.start = pos;
            if (pos >= n) {
                t.type = EOF;
                t.end = n;
                return t;
            }
            char c = s.charAt(pos);
            if (c == '\n') {
                pos++;
                t.type = NEWLINE;
                t.end = pos;
                readHeredocBodies();
                return t;
            }
            if (condMode) {
                if (s.startsWith("]]", pos) && (pos + 2 >= n || isMeta(s.charAt(pos + 2))
                        || s.charAt(pos + 2) == '\r')) {
                    pos += 2;
                    t.type = WORD;
                    t.end = pos;
                    t.raw = "]]";
                    t.value = "]]";
                    t.literal = true;
                    return t;
                }
                return scanWordTok(t, false);
            }
            char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
            switch (c) {
                case '&':
                    if (d == '&') {
                        return op(t, "&&");
                    }
                    if (d == '>') {
                        return redirect(t, null, s.startsWith("&>>", pos) ? "&>>" : "&>");
                    }
                    return op(t, "&");
                case '|':
                    return op(t, d == '|' ? "||" : d == '&' ? "|&" : "|");
                case ';':
                    if (d == ';') {
                        return op(t, pos + 2 < n && s.charAt(pos + 2) == '&' ? ";;&" : ";;");
                    }
                    return op(t, d == '&' ? ";&" : ";");
                case '(':
                    return op(t, "(");
                case ')':
                    return op(t, ")");
                case '<':
                case '>':
                    if (d == '(') {
                        return scanWordTok(t, false);
                    }
                    return redirect(t, null, redirectOp());
                default:
                    break;
            }
            if (c >= '0' && c <= '9') {
                int j = pos;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < n && (s.charAt(j) == '<' || s.charAt(j) == '>')
                        && !(j + 1 < n && s.charAt(j + 1) == '(')) {
                    String fd = s.substring(pos, j);
                    pos = j;
                    return redirect(t, fd, redirectOp());
                }
            }
            return scanWordTok(t, false);
        }

        private Tok op(Tok t, String op) {
            t.type = OP;
            t.op = op;
            pos += op.length();
            t.end = pos;
            return t;
        }

        /** The redirection operator at {@code pos} (which is '<' or '>'). */
        private String redirectOp() {
            if (s.charAt(pos) == '<') {
                if (s.startsWith("<<<", pos)) {
                    return "<<<";
                }
                if (s.startsWith("<<-", pos)) {
                    return "<<-";
                }
                if (s.startsWith("<<", pos)) {
                    return "<<";
                }
                if (s.startsWith("<&", pos)) {
                    return "<&";
                }
                return s.startsWith("<>", pos) ? "<>" : "<";
            }
            if (s.startsWith(">>", pos)) {
                return ">>";
            }
            if (s.startsWith(">&", pos)) {
                return ">&";
            }
            return s.startsWith(">|", pos) ? ">|" : ">";
        }

        private Tok redirect(Tok t, String fd, String op) {
            t.type = REDIR;
            t.fd = fd;
            t.op = op;
            pos += op.length();
            t.end = pos;
            if (op.equals("<<") || op.equals("<<-")) {
                while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < n && !isMeta(s.charAt(pos)) && s.charAt(pos) != '\r') {
                    Tok w = new Tok();
                    w.start = pos;
                    scanWordTok(w, false);
                    t.target = w;
                    t.end = w.end;
                    pending.add(new Pending(w.value, op.equals("<<-")));
                }
            }
            return t;
        }

        private void skipBlanksAndComments() {
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t') {
                    pos++;
                } else if (c == '\r' && (pos + 1 >= n || s.charAt(pos + 1) == '\n')) {
                    pos++;
                } else if (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '\n') {
                    pos += 2;
                } else if (c == '\\' && s.startsWith("\r\n", pos + 1)) {
                    pos += 3;
                } else if (c == '#') {
                    while (pos < n && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
        }

        /** After a newline token: skips the bodies of the here-documents opened on that line. */
        private void readHeredocBodies() {
            for (Pending p : pending) {
                while (pos < n) {
                    int lineEnd = s.indexOf('\n', pos);
                    if (lineEnd < 0) {
                        lineEnd = n;
                    }
                    int a = pos;
                    int b = lineEnd;
                    if (p.stripTabs()) {
                        while (a < b && s.charAt(a) == '\t') {
                            a++;
                        }
                    }
                    if (b > a && s.charAt(b - 1) == '\r') {
                        b--;
                    }
                    pos = lineEnd < n ? lineEnd + 1 : n;
                    if (b - a == p.delimiter().length() && s.startsWith(p.delimiter(), a)) {
                        break;
                    }
                }
            }
            pending.clear();
        }

        private static boolean isMeta(char c) {
            switch (c) {
                case ' ':
                case '\t':
                case '\n':
                case ';':
                case '&':
                case '|':
                case '<':
                case '>':
                case '(':
                case ')':
                    return true;
                default:
                    return false;
            }
        }

        Unquoted unquoteWord() {
            WordState ws = new WordState(true);
            scanWord(ws);
            return new Unquoted(ws.sb.toString(), java.util.Arrays.copyOf(ws.idx, ws.idxLen));
        }

        private Tok scanWordTok(Tok t, boolean recordIndex) {
            WordState ws = new WordState(recordIndex);
            int start = pos;
            scanWord(ws);
            if (pos == start) {
                // Defensive: never return an empty word (it would loop); take the character as a word.
                ws.add(s.charAt(pos), pos);
                pos++;
            }
            t.type = WORD;
            t.start = start;
            t.end = pos;
            t.raw = s.substring(start, pos);
            t.value = ws.sb.toString();
            t.literal = !ws.expansion && !ws.glob && !ws.brace && !ws.tilde;
            int eq = t.value.indexOf('=');
            if (eq > 0 && (ws.firstQuote < 0 || ws.firstQuote > eq) && isName(t.value, eq)) {
                t.eq = eq;
                t.valueLiteral = !ws.expansion && !(eq + 1 < t.raw.length() && t.raw.charAt(eq + 1) == '~');
            }
            return t;
        }

        /** NAME or NAME+ before the '=' at {@code eq}. */
        private static boolean isName(String v, int eq) {
            int end = v.charAt(eq - 1) == '+' ? eq - 1 : eq;
            if (end == 0 || !isNameStart(v.charAt(0))) {
                return false;
            }
            for (int i = 1; i < end; i++) {
                if (!isNameChar(v.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isNameStart(char c) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static boolean isNameChar(char c) {
            return isNameStart(c) || (c >= '0' && c <= '9');
        }

        private void scanWord(WordState ws) {
            int start = pos;
            if (pos < n && s.charAt(pos) == '~') {
                ws.tilde = true;
            }
            while (pos < n) {
                char c = s.charAt(pos);
                if (condMode ? (c == ' ' || c == '\t' || c == '\n') : isMeta(c)) {
                    if ((c == '<' || c == '>') && pos == start && pos + 1 < n && s.charAt(pos + 1) == '(') {
                        pos += 2;
                        parseSubstitution();
                        appendRaw(ws, start, pos);
                        ws.expansion = true;
                        continue;
                    }
                    if (c == '(' && ws.firstQuote < 0 && ws.sb.length() == pos - start && isArrayPrefix(ws.sb)) {
                        scanArray(ws);
                        continue;
                    }
                    break;
                }
                if (c == '\r' && (pos + 1 >= n || s.charAt(pos + 1) == '\n')) {
                    break;
                }
                switch (c) {
                    case '\\':
                        if (pos + 1 >= n) {
                            ws.add('\\', pos);
                            pos++;
                        } else if (s.charAt(pos + 1) == '\n') {
                            ws.quoted();
                            pos += 2;
                        } else if (s.startsWith("\r\n", pos + 1)) {
                            ws.quoted();
                            pos += 3;
                        } else {
                            ws.quoted();
                            ws.add(s.charAt(pos + 1), pos + 1);
                            pos += 2;
                        }
                        break;
                    case '\'': {
                        ws.quoted();
                        int close = s.indexOf('\'', pos + 1);
                        if (close < 0) {
                            ctx.incomplete = true;
                            appendRaw(ws, pos + 1, n);
                            pos = n;
                        } else {
                            appendRaw(ws, pos + 1, close);
                            pos = close + 1;
                        }
                        break;
                    }
                    case '"':
                        ws.quoted();
                        scanDouble(ws);
                        break;
                    case '$':
                        scanDollar(ws, false);
                        break;
                    case '`':
                        scanBacktick(ws, false);
                        break;
                    case '*':
                    case '?':
                        ws.glob = true;
                        ws.add(c, pos++);
                        break;
                    case '[':
                        ws.bracketOpen = true;
                        ws.add(c, pos++);
                        break;
                    case ']':
                        if (ws.bracketOpen) {
                            ws.glob = true;
                        }
                        ws.add(c, pos++);
                        break;
                    case '{':
                        ws.braceDepth++;
                        ws.add(c, pos++);
                        break;
                    case ',':
                        if (ws.braceDepth > 0) {
                            ws.braceList = true;
                        }
                        ws.add(c, pos++);
                        break;
                    case '.':
                        if (ws.braceDepth > 0 && pos + 1 < n && s.charAt(pos + 1) == '.') {
                            ws.braceList = true;
                        }
                        ws.add(c, pos++);
                        break;
                    case '}':
                        if (ws.braceDepth > 0) {
                            ws.braceDepth--;
                            if (ws.braceList) {
                                ws.brace = true;
                            }
                        }
                        ws.add(c, pos++);
                        break;
                    default:
                        ws.add(c, pos++);
                        break;
                }
            }
        }

        private static boolean isArrayPrefix(StringBuilder sb) {
            int len = sb.length();
            if (len < 2 || sb.charAt(len - 1) != '=') {
                return false;
            }
            int end = sb.charAt(len - 2) == '+' ? len - 2 : len - 1;
            if (end == 0 || !isNameStart(sb.charAt(0))) {
                return false;
            }
            for (int i = 1; i < end; i++) {
                if (!isNameChar(sb.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code NAME=( … )}: kept as written, not literal. */
        private void scanArray(WordState ws) {
            int start = pos;
            int depth = 0;
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '\'' || c == '"') {
                    int close = s.indexOf(c, pos + 1);
                    while (c == '"' && close > 0 && s.charAt(close - 1) == '\\') {
                        close = s.indexOf(c, close + 1);
                    }
                    if (close < 0) {
                        break;
                    }
                    pos = close + 1;
                    continue;
                }
                pos++;
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    appendRaw(ws, start, pos);
                    ws.expansion = true;
                    return;
                }
            }
            pos = n;
            ctx.incomplete = true;
            appendRaw(ws, start, n);
            ws.expansion = true;
        }

        private void appendRaw(WordState ws, int from, int to) {
            for (int i = from; i < to; i++) {
                ws.add(s.charAt(i), i);
            }
        }

        /** {@code "…"}: {@code pos} at the opening quote. */
        private void scanDouble(WordState ws) {
            pos++;
            while (pos < n) {
                char c = s.charAt(pos);
                switch (c) {
                    case '"':
                        pos++;
                        return;
                    case '\\':
                        if (pos + 1 < n) {
                            char d = s.charAt(pos + 1);
                            if (d == '$' || d == '`' || d == '"' || d == '\\') {
                                ws.add(d, pos + 1);
                                pos += 2;
                            } else if (d == '\n') {
                                pos += 2;
                            } else {
                                ws.add('\\', pos++);
                            }
                        } else {
                            ws.add('\\', pos++);
                        }
                        break;
                    case '$':
                        scanDollar(ws, true);
                        break;
                    case '`':
                        scanBacktick(ws, true);
                        break;
                    default:
                        ws.add(c, pos++);
                        break;
                }
            }
            ctx.incomplete = true;
        }

        /** Anything starting with {@code $}: {@code pos} at the dollar sign. */
        private void scanDollar(WordState ws, boolean inDouble) {
            int start = pos;
            if (pos + 1 >= n) {
                ws.add('$', pos++);
                return;
            }
            char d = s.charAt(pos + 1);
            if (d == '(') {
                if (pos + 2 < n && s.charAt(pos + 2) == '(') {
                    int end = scanArith(pos + 3);
                    if (end >= 0) {
                        pos = Math.max(end, arithSubstitutions(pos + 3, end - 2));
                        appendRaw(ws, start, pos);
                        ws.expansion = true;
                        return;
                    }
                }
                pos += 2;
                parseSubstitution();
                appendRaw(ws, start, pos);
                ws.expansion = true;
            } else if (d == '{') {
                pos += 2;
                scanParameter(inDouble);
                appendRaw(ws, start, pos);
                ws.expansion = true;
            } else if (d == '\'' && !inDouble) {
                ws.quoted();
                pos += 2;
                scanAnsi(ws);
            } else if (d == '"' && !inDouble) {
                ws.quoted();
                pos++;
                scanDouble(ws);
            } else if (isNameStart(d)) {
                int j = pos + 2;
                while (j < n && isNameChar(s.charAt(j))) {
                    j++;
                }
                appendRaw(ws, pos, j);
                pos = j;
                ws.expansion = true;
            } else if ((d >= '0' && d <= '9') || "@*#?-$!".indexOf(d) >= 0) {
                appendRaw(ws, pos, pos + 2);
                pos += 2;
                ws.expansion = true;
            } else {
                ws.add('$', pos++);
            }
        }

        /** The body of {@code ${…}}: {@code pos} after the opening brace; ends after the closing one. */
        private void scanParameter(boolean inDouble) {
            enter();
            try {
                WordState scratch = new WordState(false);
                int depth = 1;
                while (pos < n) {
                    char c = s.charAt(pos);
                    switch (c) {
                        case '}':
                            pos++;
                            if (--depth == 0) {
                                return;
                            }
                            break;
                        case '{':
                            depth++;
                            pos++;
                            break;
                        case '\\':
                            pos += 2;
                            break;
                        case '\'':
                            if (inDouble) {
                                pos++;
                            } else {
                                int close = s.indexOf('\'', pos + 1);
                                pos = close < 0 ? n : close + 1;
                            }
                            break;
                        case '"':
                            scanDouble(scratch);
                            break;
                        case '$':
                            scanDollar(scratch, inDouble);
                            break;
                        case '`':
                            scanBacktick(scratch, inDouble);
                            break;
                        default:
                            pos++;
                            break;
                    }
                }
                pos = Math.min(pos, n);
                ctx.incomplete = true;
            } finally {
                exit();
            }
        }

        /** {@code $'…'}: {@code pos} after the opening quote. */
        private void scanAnsi(WordState ws) {
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '\'') {
                    pos++;
                    return;
                }
                if (c != '\\' || pos + 1 >= n) {
                    ws.add(c, pos++);
                    continue;
                }
                int at = pos;
                char d = s.charAt(pos + 1);
                pos += 2;
                switch (d) {
                    case 'n' -> ws.add('\n', at);
                    case 't' -> ws.add('\t', at);
                    case 'r' -> ws.add('\r', at);
                    case 'a' -> ws.add('\u0007', at);
                    case 'b' -> ws.add('\b', at);
                    case 'e', 'E' -> ws.add('\u001b', at);
                    case 'f' -> ws.add('\f', at);
                    case 'v' -> ws.add('\u000b', at);
                    case '\\', '\'', '"', '?' -> ws.add(d, at);
                    case 'c' -> {
                        if (pos < n) {
                            ws.add((char) (s.charAt(pos) & 0x1f), at);
                            pos++;
                        } else {
                            ws.add('\\', at);
                            ws.add('c', at + 1);
                        }
                    }
                    case 'x' -> addCodePoint(ws, at, 16, 2);
                    case 'u' -> addCodePoint(ws, at, 16, 4);
                    case 'U' -> addCodePoint(ws, at, 16, 8);
                    default -> {
                        if (d >= '0' && d <= '7') {
                            pos--;
                            addCodePoint(ws, at, 8, 3);
                        } else {
                            ws.add('\\', at);
                            ws.add(d, at + 1);
                        }
                    }
                }
            }
            ctx.incomplete = true;
        }

        private void addCodePoint(WordState ws, int at, int radix, int maxDigits) {
            int v = 0;
            int digits = 0;
            while (digits < maxDigits && pos < n && Character.digit(s.charAt(pos), radix) >= 0) {
                v = v * radix + Character.digit(s.charAt(pos), radix);
                pos++;
                digits++;
            }
            if (digits == 0) {
                ws.add('\\', at);
                ws.add(s.charAt(at + 1), at + 1);
                return;
            }
            if (radix == 8) {
                v &= 0xff;
            }
            if (!Character.isValidCodePoint(v)) {
                v = 0xFFFD;
            }
            for (char ch : Character.toChars(v)) {
                ws.add(ch, at);
            }
        }

        /** {@code `…`}: {@code pos} at the opening backtick; the unescaped contents are parsed as a script. */
        private void scanBacktick(WordState ws, boolean inDouble) {
            enter();
            try {
                int start = pos;
                pos++;
                StringBuilder inner = new StringBuilder();
                int[] idx = new int[16];
                int len = 0;
                while (pos < n && s.charAt(pos) != '`') {
                    char c = s.charAt(pos);
                    int at = pos;
                    if (c == '\\' && pos + 1 < n) {
                        char d = s.charAt(pos + 1);
                        if (d == '$' || d == '`' || d == '\\' || (inDouble && d == '"')) {
                            c = d;
                            at = pos + 1;
                            pos++;
                        }
                    }
                    pos++;
                    if (len == idx.length) {
                        idx = java.util.Arrays.copyOf(idx, len * 2);
                    }
                    idx[len++] = at;
                    inner.append(c);
                }
                int end;
                if (pos >= n) {
                    ctx.incomplete = true;
                    end = n;
                } else {
                    end = pos + 1;
                }
                int[] offsets = new int[len + 1];
                for (int i = 0; i < len; i++) {
                    offsets[i] = mt.sourceOffset(idx[i]);
                }
                offsets[len] = mt.sourceOffset(Math.min(pos, n));
                MappedText sub = new MappedText(inner.toString(), offsets, mt.lines());
                new Parser(sub, ctx, true).parseScript(false);
                pos = end;
                appendRaw(ws, start, end);
                ws.expansion = true;
            } finally {
                exit();
            }
        }
    }
}
