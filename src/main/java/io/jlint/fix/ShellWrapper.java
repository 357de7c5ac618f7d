package io.jlint.fix;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exec-form commands that start a shell on a script: {@code ["sh", "-c", "script", …]}. Prefixing the script's only
 * command with {@code exec} makes the shell replace itself with the program instead of waiting for it as its child,
 * so the program gets the signals (as PID 1); nothing else changes when the script is one simple command: no
 * assignment prefix, no redirection, a literal program that is not a shell builtin or keyword (for those,
 * {@code exec} would look for a program of that name instead), and nothing after it that the shell would still run.
 */
public final class ShellWrapper {
    private ShellWrapper() {
    }

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    /** Reserved words that may start a simple-looking command ({@code time cmd} is bash's keyword, not /usr/bin/time). */
    private static final Set<String> KEYWORDS = Set.of("time", "!", "[[", "coproc", "function", "select", "{", "(");

    /** For {@code ["sh", "-c", "script", …]} (or another POSIX shell, {@code -c} in an option cluster) the index of the script, else -1. */
    public static int scriptIndex(List<String> args) {
        if (args.size() < 3 || !SHELLS.contains(base(args.get(0)))) {
            return -1;
        }
        boolean dashC = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                if (a.indexOf('c') > 0) {
                    dashC = true;
                }
                continue;
            }
            return dashC ? i : -1;
        }
        return -1;
    }

    /**
     * The script with a leading {@code exec} of its only simple command taken away ({@code exec python app.py} gives
     * {@code python app.py}), for comparing what two wrappers run; other scripts unchanged.
     */
    static String withoutExec(String script) {
        ShellScript s = ShellShape.parse(script);
        if (!s.complete() || !(s.root() instanceof SimpleCommand c) || s.commands().size() != 1
                || !c.assignments().isEmpty() || !c.redirects().isEmpty() || c.words().size() < 2) {
            return script;
        }
        Word exec = c.words().get(0);
        Word next = c.words().get(1);
        if (!exec.raw().equals("exec") || next.value().startsWith("-")) {
            return script;
        }
        return script.substring(0, exec.span().startOffset()) + script.substring(next.span().startOffset());
    }

    /**
     * The fix of an exec-form {@code CMD}/{@code ENTRYPOINT} {@code [shell, -c, "script"]} whose script is one
     * simple command: {@code exec } inserted before it inside the JSON string, the rest of the array as written
     * (spacing, other elements, escapes). Or why not.
     */
    public static FixAttempt prefixExec(Dockerfile df, Instruction in, CommandLine c) {
        if (c == null || !c.execForm()) {
            return FixAttempt.refused("it is not in exec form");
        }
        List<String> args = c.execArgs();
        int at = scriptIndex(args);
        if (at < 0) {
            return FixAttempt.refused("it does not run a shell on a script");
        }
        String script = args.get(at);
        ShellScript s = ShellShape.parse(script);
        if (!s.complete() || s.root() == null) {
            return FixAttempt.refused("jlint does not fully understand the script");
        }
        if (!(s.root() instanceof SimpleCommand sc) || s.commands().size() != 1) {
            return FixAttempt.refused("the script runs more than one command (a list, a pipe or a substitution);"
                    + " which one to exec is the author's choice");
        }
        if (!sc.assignments().isEmpty()) {
            return FixAttempt.refused("the command has a VAR=value prefix, which exec would take for the program");
        }
        if (!sc.redirects().isEmpty()) {
            return FixAttempt.refused("the command redirects input or output");
        }
        if (sc.words().isEmpty()) {
            return FixAttempt.refused("the script has no command");
        }
        Word program = sc.words().get(0);
        if (!program.literal()) {
            return FixAttempt.refused("the program is not a literal name (" + program.raw() + ")");
        }
        String name = program.value();
        if (ExecFormConverter.BUILTINS.contains(name.toLowerCase(Locale.ROOT)) || KEYWORDS.contains(name)) {
            return FixAttempt.refused(name + " is a shell builtin or keyword: exec would run a program of that name");
        }
        int off = program.span().startOffset();
        int quote = elementStart(in.node().argsText(), at);
        if (quote < 0) {
            return FixAttempt.refused("jlint cannot find the script in the JSON text");
        }
        MappedText json = in.node().argsText();
        String rawPrefix = json.text().substring(quote + 1, Math.min(json.text().length(), quote + 1 + off));
        if (!rawPrefix.equals(script.substring(0, off))) {
            return FixAttempt.refused("the script starts with escaped blanks in the JSON text");
        }
        int insertAt = json.sourceOffset(quote + 1 + off);
        return FixAttempt.of(new Fix("prefix the command with exec: " + name + " replaces the shell",
                List.of(Edits.insert(insertAt, "exec "))));
    }

    /** The index in the JSON array text of the opening quote of element {@code index}, or -1. */
    private static int elementStart(MappedText json, int index) {
        String t = json.text();
        int i = skip(t, 0);
        if (i >= t.length() || t.charAt(i) != '[') {
            return -1;
        }
        i = skip(t, i + 1);
        for (int k = 0; i < t.length(); k++) {
            if (t.charAt(i) != '"') {
                return -1;
            }
            if (k == index) {
                return i;
            }
            i++;
            while (i < t.length() && t.charAt(i) != '"') {
                i += t.charAt(i) == '\\' ? 2 : 1;
            }
            i = skip(t, i + 1);
            if (i >= t.length() || t.charAt(i) != ',') {
                return -1;
            }
            i = skip(t, i + 1);
        }
        return -1;
    }

    private static int skip(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String base(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
