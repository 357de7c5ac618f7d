package io.jlint.fix;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rewrites a shell-form {@code CMD}/{@code ENTRYPOINT} (or HEALTHCHECK's {@code CMD}) to exec form when the shell
 * does nothing for it but split words: one simple command whose words are all literal (no variables, globs,
 * tildes, braces, command substitutions), with no redirections, assignments, pipes or lists, and whose program is
 * not a shell builtin. Quotes are fine: the exec form holds the words after quote removal. The program then runs
 * as PID 1 instead of {@code /bin/sh -c}, which is the point: it gets the signals.
 */
public final class ExecFormConverter {
    private ExecFormConverter() {
    }

    /** Builtins that have no program of that name, or whose program behaves differently (echo, printf, test). */
    static final Set<String> BUILTINS = Set.of("cd", "exec", "export", "set", "unset", "trap", "wait",
            "eval", ".", "source", ":", "true", "false", "read", "ulimit", "umask", "echo", "printf", "test", "[",
            "exit", "return", "shift", "alias", "unalias", "command", "type", "hash", "times", "readonly", "local",
            "declare", "typeset", "let", "pwd", "kill", "jobs", "fg", "bg", "getopts", "break", "continue", "builtin",
            "enable", "shopt", "pushd", "popd", "dirs", "history", "fc", "logout", "suspend", "disown", "coproc",
            "mapfile", "readarray", "compgen", "complete", "caller", "bind", "help");

    /** The exec-form argv of a shell-form command, or the reason there is none. */
    public static Object argv(CommandLine c) {
        if (c == null) {
            return "there is no command";
        }
        if (c.execForm()) {
            return "it is in exec form already";
        }
        if (c.notQuiteJson()) {
            return "it looks like a JSON array that is not valid JSON";
        }
        if (!c.posixShell()) {
            return "its SHELL is not a POSIX shell";
        }
        if (c.scripts().size() != 1) {
            return "it has a here-document";
        }
        ShellScript s = c.scripts().get(0);
        if (!s.complete() || s.root() == null) {
            return "jlint does not fully understand its shell text";
        }
        if (!(s.root() instanceof SimpleCommand sc) || s.commands().size() != 1) {
            return "it is more than one command (pipes, &&, ;, subshells or command substitutions need the shell)";
        }
        if (!sc.assignments().isEmpty()) {
            return "it sets a variable for the command (VAR=value needs the shell)";
        }
        if (!sc.redirects().isEmpty()) {
            return "it redirects input or output (needs the shell)";
        }
        if (sc.words().isEmpty()) {
            return "there is no command";
        }
        List<String> argv = new ArrayList<>();
        for (Word w : sc.words()) {
            if (!w.literal()) {
                return "the word " + w.raw() + " needs the shell (variables, globs, ~ or braces are expanded by it)";
            }
            argv.add(w.value());
        }
        String program = argv.get(0);
        if (BUILTINS.contains(program.toLowerCase(Locale.ROOT))) {
            return program + " is a shell builtin";
        }
        return argv;
    }

    /**
     * The fix for a shell-form CMD or ENTRYPOINT: the arguments replaced by the JSON array, or the reason no
     * behaviour-preserving exec form exists.
     */
    public static FixAttempt toExecForm(Dockerfile df, Instruction in, CommandLine c) {
        Object r = argv(c);
        if (r instanceof String why) {
            return FixAttempt.refused(why);
        }
        @SuppressWarnings("unchecked")
        List<String> argv = (List<String>) r;
        ShellScript s = c.scripts().get(0);
        int start = s.root().span().startOffset();
        int end = in.span().endOffset();
        if (!Edits.nothingAfterScript(df, s, end)) {
            return FixAttempt.refused("a shell comment follows the command");
        }
        if (!Edits.commentLines(df, start, end).isEmpty()) {
            return FixAttempt.refused("comment lines sit inside it");
        }
        String keyword = in.node().keyword();
        String json = JsonArrays.write(argv);
        return FixAttempt.of(new Fix("write " + keyword + " " + json, List.of(new Edit(start, end, json))));
    }

    /**
     * The fix for a not-quite-JSON CMD/ENTRYPOINT written with single quotes ({@code CMD ['node', 'app.js']}):
     * the same array in JSON's double quotes, which is what the author meant (BuildKit otherwise runs the brackets
     * through the shell).
     */
    public static FixAttempt requote(Dockerfile df, Instruction in, CommandLine c) {
        if (c == null || c.execForm() || !c.notQuiteJson() || c.shellText() == null) {
            return FixAttempt.refused("it is not a not-quite-JSON array");
        }
        List<String> items = JsonArrays.readQuoted(c.shellText().text());
        if (items == null) {
            return FixAttempt.refused("its elements are not all plain quoted strings (or hold backslashes)");
        }
        int start = c.shellText().sourceOffset(0);
        int end = in.span().endOffset();
        if (!Edits.commentLines(df, start, end).isEmpty()) {
            return FixAttempt.refused("comment lines sit inside it");
        }
        String json = JsonArrays.write(items);
        return FixAttempt.of(new Fix("write " + in.node().keyword() + " " + json, List.of(new Edit(start, end,
                json))));
    }
}
