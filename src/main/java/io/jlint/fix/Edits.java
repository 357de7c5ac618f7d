package io.jlint.fix;

import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Builders of source edits that keep a Dockerfile's own conventions: its line ending (CRLF files stay CRLF), its
 * escape character (backtick files continue lines with a backtick), the indentation of its continuation lines and
 * whether it starts continuation lines with {@code &&}. Offsets index {@link Dockerfile#source()}.
 */
public final class Edits {
    private Edits() {
    }

    public static Edit insert(int offset, String text) {
        return new Edit(offset, offset, text);
    }

    public static Edit replace(Span span, String text) {
        return new Edit(span.startOffset(), span.endOffset(), text);
    }

    public static Edit delete(int start, int end) {
        return new Edit(start, end, "");
    }

    /** Inserts {@code " " + text} right after a shell word, e.g. a flag after {@code install}. */
    public static Edit insertAfterWord(Word word, String text) {
        return insert(word.span().endOffset(), " " + text);
    }

    /** The line ending of the file: that of the line holding {@code offset}, else the first one, else LF. */
    public static String newline(Dockerfile df, int offset) {
        String src = df.source();
        int nl = src.indexOf('\n', Math.max(0, Math.min(offset, src.length())));
        if (nl < 0) {
            nl = src.indexOf('\n');
        }
        return nl > 0 && src.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    /** {@code " \"} (or {@code " `"}) and a line ending: what ends a continued line in this file. */
    public static String continuation(Dockerfile df, int offset) {
        return " " + df.escape() + newline(df, offset);
    }

    /**
     * The indentation of an instruction's continuation lines (the first non-blank, non-comment one), or null
     * when it is written on one line.
     */
    public static String continuationIndent(Dockerfile df, Instruction in) {
        String src = df.source();
        Span s = in.span();
        for (int line = s.startLine() + 1; line <= s.endLine(); line++) {
            int start = df.lines().lineStart(line);
            int i = start;
            while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                i++;
            }
            if (i < src.length() && src.charAt(i) != '\n' && src.charAt(i) != '\r' && src.charAt(i) != '#') {
                return src.substring(start, i);
            }
        }
        return null;
    }

    /** The indentation for new continuation lines of {@code in}: its own, else four spaces. */
    public static String indent(Dockerfile df, Instruction in) {
        String own = continuationIndent(df, in);
        return own != null ? own : "    ";
    }

    /**
     * The indentation for a command added on a new continuation line of a shell-form RUN: that of the first
     * continuation line that starts one of the script's top-level commands (or an operator before one), so the new
     * command lines up with the other commands, not with the arguments of a command written over several lines;
     * else four spaces (a tab when the RUN indents with tabs), or the RUN's own indentation when it is shallower.
     */
    static String commandIndent(Dockerfile df, Instruction in, ShellScript script) {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        commandStarts(script.root(), starts);
        String src = df.source();
        Span s = in.span();
        for (int line = s.startLine() + 1; line <= s.endLine(); line++) {
            int start = df.lines().lineStart(line);
            int i = start;
            while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                i++;
            }
            if (i >= src.length() || src.charAt(i) == '\n' || src.charAt(i) == '\r' || src.charAt(i) == '#') {
                continue;
            }
            if (starts.contains(i) || src.startsWith("&&", i) || src.startsWith("||", i) || src.charAt(i) == '|'
                    || src.charAt(i) == ';') {
                return src.substring(start, i);
            }
        }
        String own = continuationIndent(df, in);
        if (own == null) {
            return "    ";
        }
        if (own.startsWith("\t")) {
            return "\t";
        }
        return own.length() > 4 ? "    " : own;
    }

    /** Where each command of the script's top level (its lists and pipelines) starts. */
    private static void commandStarts(ShellNode n, java.util.Set<Integer> out) {
        if (n == null) {
            return;
        }
        List<ShellNode> kids = n instanceof ShellNode.Sequence q ? q.elements()
                : n instanceof ShellNode.AndOrList l ? l.elements()
                : n instanceof ShellNode.Pipeline p ? p.elements() : null;
        if (kids == null) {
            out.add(n.span().startOffset());
            return;
        }
        for (ShellNode k : kids) {
            commandStarts(k, out);
        }
    }

    /** True when the instruction's continuation lines start with {@code &&} (the "leading operator" style). */
    public static boolean leadingOperators(Dockerfile df, Instruction in) {
        String src = df.source();
        Span s = in.span();
        for (int line = s.startLine() + 1; line <= s.endLine(); line++) {
            String rest = src.substring(df.lines().lineStart(line), Math.min(src.length(),
                    line < df.lines().lineCount() ? df.lines().lineStart(line + 1) : src.length())).strip();
            if (rest.startsWith("&&") || rest.startsWith("||")) {
                return true;
            }
        }
        return false;
    }

    /** Where a parsed script's last token ends (before trailing blanks and a trailing shell comment). */
    public static int scriptEnd(ShellScript script) {
        return script.root().span().endOffset();
    }

    /**
     * The text between the end of a script and the end of the instruction holds nothing but blanks (no trailing
     * shell comment, no dangling operator): something can be appended at {@link #scriptEnd}.
     */
    public static boolean nothingAfterScript(Dockerfile df, ShellScript script, int limit) {
        String src = df.source();
        for (int i = scriptEnd(script); i < limit; i++) {
            char ch = src.charAt(i);
            if (ch != ' ' && ch != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code && command} to a shell-form RUN whose script is {@code script} (its first script), in the
     * RUN's own layout: on the same line for a one-line RUN, else as a new continuation line in the file's style.
     * The command runs only when everything before succeeded, so the RUN's exit status is unchanged.
     */
    public static FixAttempt appendCommand(Dockerfile df, Instruction.Run run, String command, String description) {
        if (run.command() == null || run.command().execForm()) {
            return FixAttempt.refused("the RUN is in exec form");
        }
        if (!run.command().posixShell()) {
            return FixAttempt.refused("the RUN's SHELL is not a POSIX shell");
        }
        if (run.command().scripts().isEmpty()) {
            return FixAttempt.refused("the RUN has no command");
        }
        ShellScript script = run.command().scripts().get(run.command().scripts().size() - 1);
        if (!script.complete() || script.root() == null) {
            return FixAttempt.refused("the RUN's shell text is not fully understood");
        }
        if (endsInBackground(script.root())) {
            return FixAttempt.refused("the RUN ends with a command sent to the background (&)");
        }
        if (errexitMayBeOn(run) && !errexitKeptBeforeAnd(script)) {
            return FixAttempt.refused("set -e may be in effect, and the RUN ends with a compound command (if, a loop,"
                    + " { … }, ( … )) or calls a function: before an added && the shell would no longer stop at a"
                    + " failing command inside it");
        }
        boolean heredoc = run.command().scripts().size() > 1 || !run.node().heredocs().isEmpty();
        int at = scriptEnd(script);
        int limit = heredoc ? lineEndAt(df, at) : run.span().endOffset();
        if (!nothingAfterScript(df, script, limit)) {
            return FixAttempt.refused("a shell comment or text follows the last command of the RUN");
        }
        String text;
        if (heredoc || run.span().startLine() == run.span().endLine()) {
            text = " && " + command;
        } else if (leadingOperators(df, run)) {
            text = continuation(df, at) + commandIndent(df, run, script) + "&& " + command;
        } else {
            text = " &&" + continuation(df, at) + commandIndent(df, run, script) + command;
        }
        return FixAttempt.of(new Fix(description, List.of(insert(at, text))));
    }

    private static int lineEndAt(Dockerfile df, int offset) {
        String src = df.source();
        int nl = src.indexOf('\n', offset);
        int end = nl < 0 ? src.length() : nl;
        return end > offset && src.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /**
     * True when {@code set -e} may be on at the end of the RUN's script: the SHELL turns it on, a {@code set} command
     * of the RUN may turn it on, the shell that reads the heredoc is started with it ({@code bash -e <<EOF}), or the
     * heredoc's {@code #!} line asks for it. When unsure, true.
     */
    static boolean errexitMayBeOn(Instruction.Run run) {
        if (RunMerger.shellOptions(run.command().shell()).contains("e")) {
            return true;
        }
        List<ShellScript> scripts = run.command().scripts();
        for (int i = 0; i < scripts.size(); i++) {
            ShellScript s = scripts.get(i);
            for (SimpleCommand c : s.commands()) {
                boolean set = !c.words().isEmpty() && c.words().get(0).value().equals("set");
                // the shell-form text of `bash -e <<EOF`: the shell that runs the heredoc's script
                boolean shellOfHeredoc = i == 0 && scripts.size() > 1;
                if ((set || shellOfHeredoc) && turnsOnErrexit(c.words())) {
                    return true;
                }
            }
            String text = s.text() == null ? "" : s.text().text();
            if (text.startsWith("#!")) {
                int nl = text.indexOf('\n');
                String shebang = text.substring(2, nl < 0 ? text.length() : nl);
                if (shebang.matches(".*\\s-[a-zA-Z]*e.*") || shebang.contains("errexit")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A word after the first that may turn on -e: {@code -e}, {@code -eux}, {@code errexit}, or one not written out. */
    private static boolean turnsOnErrexit(List<Word> words) {
        for (int i = 1; i < words.size(); i++) {
            Word w = words.get(i);
            if (!w.literal() || w.value().matches("-[a-zA-Z]*e[a-zA-Z]*") || w.value().equals("errexit")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code && command} after the script's last command keeps what {@code set -e} does: the shell ignores
     * {@code -e} inside every command of an and-or list but the last, so the command that stops being the last one
     * (the script's last command, or the last command of its last and-or list: the ones before it were not last
     * already) must be a simple command or a pipeline of them (not {@code if}, a loop, a group or a subshell, whose
     * inner commands would no longer stop the script), and the script defines no function it could be calling.
     */
    static boolean errexitKeptBeforeAnd(ShellScript script) {
        List<ShellNode> top = RunMerger.topLevel(script.root());
        for (ShellNode n : top) {
            if (n instanceof ShellNode.Compound c && c.keyword().equals("function")) {
                return false;
            }
        }
        ShellNode last = top.get(top.size() - 1);
        while (last instanceof ShellNode.AndOrList l) {
            last = l.elements().get(l.elements().size() - 1);
        }
        return RunMerger.errexitNeutral(last);
    }

    /** The last command of the node runs in the background ({@code cmd &}). */
    static boolean endsInBackground(ShellNode n) {
        if (n instanceof ShellNode.Sequence s && !s.separators().isEmpty()
                && s.separators().size() >= s.elements().size()) {
            return "&".equals(s.separators().get(s.separators().size() - 1));
        }
        return false;
    }

    /** Comment lines (whole lines starting with #) inside {@code [start, end)}, each with its line ending. */
    public static List<String> commentLines(Dockerfile df, int start, int end) {
        List<String> out = new ArrayList<>();
        for (Comment c : df.comments()) {
            int s = df.lines().lineStart(c.span().startLine());
            if (s >= start && c.span().endOffset() <= end) {
                int nl = df.source().indexOf('\n', c.span().endOffset());
                out.add(df.source().substring(s, nl < 0 ? df.source().length() : nl + 1));
            }
        }
        return out;
    }

    /**
     * Deletes a whole instruction: from the start of its first line to the start of the line after its last one
     * (its line ending included). Comment lines above it stay.
     */
    public static Edit deleteInstruction(Dockerfile df, Instruction in) {
        int start = df.lines().lineStart(in.span().startLine());
        String src = df.source();
        int nl = src.indexOf('\n', in.span().endOffset());
        return delete(start, nl < 0 ? src.length() : nl + 1);
    }

    /** The words of a simple command, for callers that look for one to insert after. */
    public static Word word(SimpleCommand c, String value) {
        for (Word w : c.words()) {
            if (w.value().equals(value)) {
                return w;
            }
        }
        return null;
    }

    /**
     * A value for {@code LABEL key=VALUE} that BuildKit reads back as exactly {@code value}: double-quoted, with
     * the file's escape character, double quote and dollar escaped (LABEL expands variables; the text it comes
     * from may not).
     */
    public static String labelValue(String value, char escape) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            if (ch == escape || ch == '"' || ch == '$') {
                sb.append(escape);
            }
            sb.append(ch);
        }
        return sb.append('"').toString();
    }
}
