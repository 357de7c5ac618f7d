package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.InstructionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One instruction's logical line interpreted as BuildKit's parser does ({@code newNodeFromLine}): the keyword, the
 * flags, and the arguments its per-instruction line parser produces, each with the range of the line it came from.
 * Model-free, so the lexer can ask it whether a line opens heredocs.
 */
final class Line {

    /** A ENV/LABEL/ARG entry: key and value pieces (value null for ARG without default), legacy separator. */
    record Pair(Arguments.Piece key, Arguments.Piece value, boolean legacy, int start, int end) {
    }

    /** A BuildKit parser error at an index of the line. */
    static final class LineException extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        LineException(int index, String message) {
            super(message, null, false, false);
            this.index = index;
        }
    }

    static final String NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";

    final Arguments.Piece keyword;
    final InstructionKind kind;
    final List<Arguments.Piece> flags;
    /** BuildKit's argument values, exactly as its {@code result} files print them (ONBUILD: the trigger text). */
    final List<String> args = new ArrayList<>(4);
    boolean json;
    final int argsStart;
    final int argsEnd;
    /** ENV/LABEL/ARG entries. */
    final List<Pair> pairs = new ArrayList<>(0);
    /** Whitespace-split or JSON pieces where positions are known (FROM, EXPOSE, COPY/ADD/VOLUME shell form). */
    final List<Arguments.Piece> pieces = new ArrayList<>(0);
    /** HEALTHCHECK: start of the command after the type word ({@code -1} when none). */
    int healthCommandStart = -1;
    /** ONBUILD: the trigger. */
    Line trigger;

    private Line(Arguments.Split split, InstructionKind kind) {
        this.keyword = split.command();
        this.kind = kind;
        this.flags = split.flags();
        this.argsStart = split.argsStart();
        this.argsEnd = split.argsEnd();
    }

    /** Interprets {@code text[from, to)}; an unknown keyword gives a Line with a null kind. */
    static Line parse(String text, int from, int to, char escape) throws LineException {
        Arguments.Split split = Arguments.splitCommand(text, from, to);
        InstructionKind kind = InstructionKind.of(split.command().text());
        Line line = new Line(split, kind);
        if (kind != null) {
            line.dispatch(text, escape);
        }
        return line;
    }

    private void dispatch(String text, char escape) throws LineException {
        int a = argsStart;
        int b = argsEnd;
        switch (kind) {
            case ADD, COPY, VOLUME -> {
                if (!json(text, a, b)) {
                    whitespace(text, a, b);
                }
            }
            case CMD, ENTRYPOINT, RUN, SHELL -> maybeJson(text, a, b);
            case ENV, LABEL -> nameValue(text, a, b, escape);
            case ARG -> {
                for (Arguments.Piece w : Arguments.parseWords(text, a, b, escape)) {
                    args.add(w.text());
                    int eq = w.text().indexOf('=');
                    Arguments.Piece key = eq < 0 ? w
                            : new Arguments.Piece(w.text().substring(0, eq), w.start(), w.start() + eq);
                    Arguments.Piece value = eq < 0 ? null
                            : new Arguments.Piece(w.text().substring(eq + 1), w.start() + eq + 1, w.end());
                    pairs.add(new Pair(key, value, false, w.start(), w.end()));
                }
            }
            case EXPOSE, FROM -> whitespace(text, a, b);
            case HEALTHCHECK -> health(text, a, b);
            case MAINTAINER, STOPSIGNAL, USER, WORKDIR -> {
                if (a < b) {
                    args.add(text.substring(a, b));
                }
            }
            case ONBUILD -> {
                if (a < b) {
                    args.add(text.substring(a, b));
                    trigger = parse(text, a, b, escape);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** parseJSON: true (and args set) for a valid string array; error for a valid array of non-strings. */
    private boolean json(String text, int a, int b) throws LineException {
        JsonArray.Result r = JsonArray.parse(text, a, b);
        if (r.notStringArray()) {
            throw new LineException(a, NOT_STRING_ARRAY);
        }
        if (r.valid()) {
            args.addAll(r.strings());
            json = true;
            return true;
        }
        return false;
    }

    private void maybeJson(String text, int a, int b) throws LineException {
        if (a < b && !json(text, a, b)) {
            args.add(text.substring(a, b));
        }
    }

    private void whitespace(String text, int a, int b) {
        for (Arguments.Piece p : Arguments.splitWhitespace(text, a, b)) {
            args.add(p.text());
            pieces.add(p);
        }
    }

    private void nameValue(String text, int a, int b, char escape) throws LineException {
        List<Arguments.Piece> words = Arguments.parseWords(text, a, b, escape);
        if (words.isEmpty()) {
            return;
        }
        String name = kind.name();
        if (words.get(0).text().indexOf('=') < 0) {
            int ws = Arguments.indexOfReWhitespace(text, a, b);
            if (ws < 0) {
                throw new LineException(a, name + " must have two arguments");
            }
            int v = ws;
            while (v < b && GoText.isReWhitespace(text.charAt(v))) {
                v++;
            }
            Arguments.Piece key = new Arguments.Piece(text.substring(a, ws), a, ws);
            Arguments.Piece value = new Arguments.Piece(text.substring(v, b), v, b);
            args.add(key.text());
            args.add(value.text());
            args.add("");
            pairs.add(new Pair(key, value, true, a, b));
            return;
        }
        for (Arguments.Piece w : words) {
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                throw new LineException(w.start(), "Syntax error - can't find = in " + GoText.quote(w.text())
                        + ". Must be of the form: name=value");
            }
            Arguments.Piece key = new Arguments.Piece(w.text().substring(0, eq), w.start(), w.start() + eq);
            Arguments.Piece value = new Arguments.Piece(w.text().substring(eq + 1), w.start() + eq + 1, w.end());
            args.add(key.text());
            args.add(value.text());
            args.add("=");
            pairs.add(new Pair(key, value, false, w.start(), w.end()));
        }
    }

    private void health(String text, int a, int b) throws LineException {
        int sep = a;
        while (sep < b && !GoText.isSpace(text.charAt(sep))) {
            sep++;
        }
        int next = sep;
        while (next < b && GoText.isSpace(text.charAt(next))) {
            next++;
        }
        if (sep == a) {
            return;
        }
        args.add(text.substring(a, sep));
        healthCommandStart = next;
        maybeJson(text, next, b);
    }

    /** BuildKit's {@code canContainHeredoc}: RUN, COPY, ADD (or ONBUILD of one) in shell form. */
    boolean canContainHeredoc() {
        Line l = kind == InstructionKind.ONBUILD && trigger != null ? trigger : this;
        return (l.kind == InstructionKind.RUN || l.kind == InstructionKind.COPY || l.kind == InstructionKind.ADD)
                && !l.json;
    }
}
