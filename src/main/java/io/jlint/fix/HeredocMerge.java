package io.jlint.fix;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link RunMerger.Plan} as one heredoc RUN: {@code RUN <<EOF}, the scripts of the RUNs one after the
 * other (joined as the plan says), the delimiter. The first RUN keeps its keyword, flags and, when it is a heredoc
 * already, its opener and body lines; the body of a later heredoc RUN is taken over line for line; a shell-form
 * RUN keeps its lines, each Dockerfile line continuation becoming the shell's ({@code \} at the end of the line, for
 * a backtick file too), and a comment line inside it stays in place when the line before ends with an operator
 * ({@code &&}, {@code ||}, {@code |}, {@code ;}), where the shell allows a newline — or when the line after starts
 * with one, which then moves up to end the line before the comment. Comment lines between the RUNs
 * become comment lines of the script, in place. The delimiter is the first RUN's, or {@code EOF}, or another word
 * when a body line reads like it.
 *
 * <p>Every piece is checked: each RUN's text as the shell will read it (after {@code <<-} tab stripping) must parse
 * to the same {@link ShellShape} as its original script (else its exact text on one line is tried), and the whole
 * body must parse to the list the plan describes. Anything else is refused.
 */
final class HeredocMerge {
    private HeredocMerge() {
    }

    private static final List<String> DELIMITERS = List.of("EOF", "EOT", "SCRIPT", "END_OF_RUN");

    static FixAttempt merge(Dockerfile df, RunMerger.Plan plan, String description) {
        List<RunMerger.Part> parts = plan.parts();
        RunMerger.Part first = parts.get(0);
        Heredoc opener = first.heredoc() ? first.run().node().heredocs().get(0) : null;
        boolean chomp = opener != null && opener.chomp();
        List<String> texts = new ArrayList<>();
        for (RunMerger.Part p : parts) {
            Object t = text(df, p, chomp);
            if (t instanceof Refusal r) {
                return FixAttempt.refused(r.why());
            }
            texts.add((String) t);
        }

        StringBuilder body = new StringBuilder(texts.get(0));
        int lastEnd = rootEnd(texts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            RunMerger.Join join = plan.joins().get(i);
            String text = texts.get(i);
            int end = rootEnd(text);
            StringBuilder comments = new StringBuilder();
            for (String c : Edits.commentLines(df, parts.get(i - 1).run().span().endOffset(),
                    parts.get(i).run().span().startOffset())) {
                comments.append(lf(c));
            }
            if (join != RunMerger.Join.DIRECT) {
                int lineEnd = body.indexOf("\n", lastEnd);
                lineEnd = lineEnd < 0 ? body.length() : lineEnd;
                String rest = body.substring(lastEnd, lineEnd);
                String trimmed = rest.strip();
                if (trimmed.startsWith(";")) {
                    int semi = rest.indexOf(';');
                    rest = rest.substring(0, semi) + rest.substring(semi + 1);
                } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    return FixAttempt.refused("the RUN on line " + parts.get(i - 1).run().line()
                            + " has text after its last command that && cannot follow");
                }
                body.replace(lastEnd, lineEnd, " &&" + (rest.isBlank() ? "" : rest));
            }
            body.append('\n').append(comments);
            if (join == RunMerger.Join.AND_BRACED && text.indexOf('\n') < 0) {
                String after = text.substring(end);
                String a = after.strip();
                int close;
                String braced;
                if (a.startsWith(";") || a.startsWith("&")) {
                    int k = end + after.indexOf(a.charAt(0)) + 1;
                    braced = "{ " + text.substring(0, k) + " }" + text.substring(k);
                    close = 2 + k + 2;
                } else {
                    braced = "{ " + text.substring(0, end) + "; }" + text.substring(end);
                    close = 2 + end + 3;
                }
                lastEnd = body.length() + close;
                body.append(braced);
            } else if (join == RunMerger.Join.AND_BRACED) {
                body.append("{\n").append(text).append("\n}");
                lastEnd = body.length();
            } else {
                lastEnd = body.length() + end;
                body.append(text);
            }
        }

        String why = verify(plan, effective(body.toString(), chomp));
        if (why != null) {
            return FixAttempt.refused(why);
        }
        String name = delimiter(opener, body.toString());
        String nl = Edits.newline(df, first.run().span().startOffset());
        Instruction.Run lastRun = parts.get(parts.size() - 1).run();
        int end = lastRun.span().endOffset();
        String src = df.source();
        List<Edit> edits = new ArrayList<>();
        String text = body.toString().replace("\n", nl);
        if (opener != null) {
            String terminator = src.substring(df.lines().lineStart(first.run().span().endLine()),
                    first.run().span().endOffset());
            if (!name.equals(opener.name())) {
                String marker = src.substring(opener.span().startOffset(), opener.span().endOffset());
                String quote = marker.contains("'") ? "'" : marker.contains("\"") ? "\"" : "";
                edits.add(Edits.replace(opener.span(), "<<" + (chomp ? "-" : "") + quote + name + quote));
                terminator = terminator.replace(opener.name(), name);
            }
            edits.add(new Edit(opener.bodySpan().startOffset(), end, text + nl + terminator));
        } else {
            int start = afterFlags(first.run());
            int rootStart = first.root().span().startOffset();
            if (!Edits.commentLines(df, start, rootStart).isEmpty()) {
                return FixAttempt.refused("the RUN on line " + first.run().line() + " has comment lines before its"
                        + " command");
            }
            edits.add(new Edit(start, end, " <<" + name + nl + text + nl + name));
        }
        return FixAttempt.of(new Fix(description, edits));
    }

    private record Refusal(String why) {
    }

    /**
     * The text of one RUN's script for the body ({@code \n} line ends, no final one), as it is laid out in the
     * file when that reads the same, else its exact text.
     */
    private static Object text(Dockerfile df, RunMerger.Part p, boolean chomp) {
        String src = df.source();
        Instruction.Run r = p.run();
        String where = "the RUN on line " + r.line();
        String want = ShellShape.of(p.script());
        List<String> candidates = new ArrayList<>();
        if (p.heredoc()) {
            Heredoc h = r.node().heredocs().get(0);
            int start = h.bodySpan().startOffset();
            int end = df.lines().lineStart(r.span().endLine());
            candidates.add(dropFinalNewline(lf(src.substring(start, Math.max(start, end)))));
            candidates.add(dropFinalNewline(lf(h.body())));
        } else {
            Object laidOut = laidOut(df, p);
            if (laidOut instanceof Refusal) {
                return laidOut;
            }
            candidates.add((String) laidOut);
            boolean comments = !Edits.commentLines(df, p.root().span().startOffset(), r.span().endOffset())
                    .isEmpty();
            if (!comments) {
                candidates.add(p.script().text().text().strip());
            }
        }
        for (String c : candidates) {
            if (want != null && want.equals(ShellShape.of(ShellShape.parse(effective(c, chomp))))) {
                return c;
            }
        }
        return new Refusal(where + " cannot be written as heredoc lines that the shell reads the same way");
    }

    /**
     * A shell-form RUN's lines from its command on: each Dockerfile continuation (escape character, blanks, line
     * end) as the shell's {@code \}; blank lines inside dropped (BuildKit skips them, and the shell would end the
     * command there); comment lines inside kept after a line ending with an operator, where the continuation is
     * dropped (the shell allows a newline and comments after {@code &&}, {@code ||}, {@code |}, {@code ;}); when
     * the next command line starts with the operator instead, it moves to the end of the line before the comment.
     */
    private static Object laidOut(Dockerfile df, RunMerger.Part p) {
        String raw = lf(df.source().substring(p.root().span().startOffset(), p.run().span().endOffset()));
        String[] lines = raw.split("\n", -1);
        List<String> out = new ArrayList<>();
        boolean continues = false;
        boolean lastIsComment = false;
        String moved = null;
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (k > 0) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#")) {
                    if (!lastIsComment && continues) {
                        String prev = out.get(out.size() - 1);
                        String cut = prev.substring(0, prev.length() - 1).stripTrailing();
                        if (!endsWithOperator(cut)) {
                            // "a \ / # why / && b": the && moves up to end the line before the comment
                            moved = leadingOperator(lines, k);
                            if (moved == null) {
                                return new Refusal("the RUN on line " + p.run().line() + " has a comment line inside"
                                        + " its continued lines where a heredoc script cannot keep it");
                            }
                            cut = cut + " " + moved;
                        }
                        out.set(out.size() - 1, cut);
                    }
                    out.add(line);
                    lastIsComment = true;
                    continue;
                }
            }
            if (moved != null) {
                int i = 0;
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                line = line.substring(0, i) + line.substring(i + moved.length()).stripLeading();
                moved = null;
            }
            lastIsComment = false;
            boolean lastLine = k == lines.length - 1;
            String stripped = line.stripTrailing();
            if (!lastLine && stripped.endsWith(String.valueOf(df.escape()))) {
                out.add(stripped.substring(0, stripped.length() - 1) + "\\");
                continues = true;
            } else {
                out.add(line);
                continues = false;
            }
        }
        return String.join("\n", out);
    }

    /** The operator ({@code &&}, {@code ||}, {@code |}, {@code ;}) that starts the next command line after line k. */
    private static String leadingOperator(String[] lines, int k) {
        for (int j = k; j < lines.length; j++) {
            String t = lines[j].strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            for (String op : List.of("&&", "||", "|", ";")) {
                if (t.startsWith(op) && !(op.equals("|") && t.startsWith("||")) && !(op.equals(";") && t.startsWith(";;"))) {
                    return op;
                }
            }
            return null;
        }
        return null;
    }

    private static boolean endsWithOperator(String s) {
        return s.endsWith("&&") || s.endsWith("||") || s.endsWith("|") || s.endsWith(";");
    }

    /** The body as BuildKit hands it to the shell: with {@code <<-}, leading tabs removed from every line. */
    private static String effective(String body, boolean chomp) {
        if (!chomp) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        boolean lineStart = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (lineStart && c == '\t') {
                continue;
            }
            sb.append(c);
            lineStart = c == '\n';
        }
        return sb.toString();
    }

    /** The merged body must parse to the list the plan describes, with the same commands in the same order. */
    private static String verify(RunMerger.Plan plan, String body) {
        List<ShellNode> top = new ArrayList<>();
        List<String> seps = new ArrayList<>();
        StringBuilder commands = new StringBuilder();
        for (int i = 0; i < plan.parts().size(); i++) {
            RunMerger.Part p = plan.parts().get(i);
            ShellNode root = p.root();
            RunMerger.Join join = plan.joins().get(i);
            if (join == null || join == RunMerger.Join.DIRECT) {
                if (!seps.isEmpty()) {
                    seps.set(seps.size() - 1, ";");
                }
                List<ShellNode> own = RunMerger.topLevel(root);
                List<String> ownSeps = root instanceof ShellNode.Sequence q ? q.separators() : List.of();
                for (int k = 0; k < own.size(); k++) {
                    top.add(own.get(k));
                    seps.add(k < ownSeps.size() ? ownSeps.get(k) : "");
                }
            } else {
                ShellNode before = top.remove(top.size() - 1);
                List<ShellNode> elements = new ArrayList<>(andOr(before));
                List<String> ops = new ArrayList<>(operators(before));
                ops.add("&&");
                if (join == RunMerger.Join.AND_BRACED) {
                    elements.add(new ShellNode.Group(root, false, List.of(), Span.NONE));
                } else {
                    elements.addAll(andOr(root));
                    ops.addAll(operators(root));
                }
                top.add(new ShellNode.AndOrList(elements, ops, Span.NONE));
            }
            for (SimpleCommand c : p.script().commands()) {
                commands.append(ShellShape.of(c)).append(' ');
            }
        }
        ShellNode expected = top.size() == 1 ? top.get(0) : new ShellNode.Sequence(top, seps, Span.NONE);
        ShellScript merged = ShellShape.parse(body);
        StringBuilder got = new StringBuilder();
        for (SimpleCommand c : merged.commands()) {
            got.append(ShellShape.of(c)).append(' ');
        }
        if (!merged.complete() || merged.root() == null
                || !ShellShape.of(expected).equals(ShellShape.of(merged.root()))
                || !commands.toString().equals(got.toString())) {
            return "jlint could not write one heredoc script that provably runs the same commands";
        }
        return null;
    }

    private static List<ShellNode> andOr(ShellNode n) {
        return n instanceof ShellNode.AndOrList l ? l.elements() : List.of(n);
    }

    private static List<String> operators(ShellNode n) {
        return n instanceof ShellNode.AndOrList l ? l.operators() : List.of();
    }

    /** The first delimiter (the first RUN's own, else EOF, EOT, …) that no body line could be taken for. */
    private static String delimiter(Heredoc opener, String body) {
        List<String> names = new ArrayList<>();
        if (opener != null) {
            names.add(opener.name());
        }
        names.addAll(DELIMITERS);
        for (int i = 2; i < 100; i++) {
            names.add("EOF_" + i);
        }
        for (String name : names) {
            boolean clash = false;
            for (String line : body.split("\n", -1)) {
                if (line.strip().equals(name)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                return name;
            }
        }
        return "END_OF_RUN_" + body.length();
    }

    /** Where the command starts to be replaced: after the keyword and the flags of the first line. */
    private static int afterFlags(Instruction.Run r) {
        int at = r.span().startOffset() + r.node().keyword().length();
        for (Flag f : r.flags()) {
            at = Math.max(at, f.span().endOffset());
        }
        return at;
    }

    /** Where the script's last command ends in {@code text}. */
    private static int rootEnd(String text) {
        ShellScript s = ShellShape.parse(text);
        return s.root() == null ? text.length() : s.root().span().endOffset();
    }

    private static String lf(String s) {
        return s.replace("\r\n", "\n");
    }

    private static String dropFinalNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
