package io.jlint.rules.dockerfile;

import io.jlint.fix.JsonArrays;
import io.jlint.fix.ShellWrapper;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CMD and ENTRYPOINT the built image ends up with, and what the entrypoint-cmd rules need to reason about
 * them. Package-private helper of JL501–JL508.
 */
final class StartCommand {

    private StartCommand() {
    }

    /**
     * The effective ENTRYPOINT and CMD of the built stage (either may be null: not set in this Dockerfile, or CMD
     * reset by a later ENTRYPOINT), and whether the image is a Windows one.
     */
    record Effective(Instruction entry, CommandLine entryCmd, Instruction cmd, CommandLine cmdCmd,
                     boolean windows) {
    }

    static Effective of(Dockerfile df, Stage target) {
        List<Stage> chain = BuildChain.of(df, target);
        Instruction entry = null;
        CommandLine entryCmd = null;
        Instruction cmd = null;
        CommandLine cmdCmd = null;
        for (Stage s : chain) {
            boolean cmdSet = false;
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.Cmd c && c.command() != null) {
                    cmd = c;
                    cmdCmd = c.command();
                    cmdSet = true;
                } else if (in instanceof Instruction.Entrypoint e && e.command() != null) {
                    entry = e;
                    entryCmd = e.command();
                    if (!cmdSet) {
                        // BuildKit: an ENTRYPOINT resets a CMD inherited from the base
                        cmd = null;
                        cmdCmd = null;
                    }
                }
            }
        }
        return new Effective(entry, entryCmd, cmd, cmdCmd, BuildChain.windows(df, chain));
    }

    /** Shell form (including not-quite-JSON) run by a POSIX shell. */
    static boolean posixShellForm(CommandLine c) {
        return c != null && !c.execForm() && c.posixShell();
    }

    /** Shell form that is not the not-quite-JSON case (JL502 reports that one). */
    static boolean plainShellForm(CommandLine c) {
        return posixShellForm(c) && !c.notQuiteJson();
    }

    private static final Pattern EXEC = Pattern.compile("(^|&&|\\|\\||;|\\n)\\s*exec\\s");

    /** The shell text hands the process over with {@code exec} (e.g. {@code exec node app.js}, {@code a && exec b}). */
    static boolean usesExec(CommandLine c) {
        String text = text(c);
        return EXEC.matcher(text).find();
    }

    static String text(CommandLine c) {
        return c == null || c.shellText() == null ? "" : c.shellText().text().trim();
    }

    /** The parsed shell-form script, or null when it was not fully understood. */
    static ShellScript script(CommandLine c) {
        if (c == null || c.scripts().isEmpty()) {
            return null;
        }
        ShellScript s = c.scripts().get(0);
        return s.complete() && s.root() != null ? s : null;
    }

    /** Parses a {@code sh -c} argument on its own. */
    static ShellScript parse(String script) {
        try {
            ShellScript s = ShellParser.parse(MappedText.contiguous(script, 0, LineIndex.of(script)));
            return s != null && s.complete() && s.root() != null ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The script's only command when it is one simple command (no lists, pipes or substitutions). */
    static SimpleCommand single(ShellScript s) {
        if (s == null || !(s.root() instanceof SimpleCommand sc) || s.commands().size() != 1
                || sc.words().isEmpty()) {
            return null;
        }
        return sc;
    }

    /** The exec-form equivalent of a simple command, or null when it needs the shell (variables, redirects, globs). */
    static List<String> execEquivalent(SimpleCommand sc) {
        if (sc == null || !sc.assignments().isEmpty() || !sc.redirects().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Word w : sc.words()) {
            if (!w.literal()) {
                return null;
            }
            out.add(w.value());
        }
        return out;
    }

    /** For {@code ["sh", "-c", "script", …]} the index of the script element, else -1. */
    static int shellScriptIndex(List<String> args) {
        return ShellWrapper.scriptIndex(args);
    }

    /** How to write a shell-form command in exec form (for messages). */
    static String execSuggestion(String keyword, CommandLine c) {
        SimpleCommand sc = single(script(c));
        List<String> exec = execEquivalent(sc);
        if (exec != null) {
            return keyword + " " + JsonArrays.write(exec);
        }
        String text = text(c);
        if (sc != null && !text.contains("\n")) {
            return keyword + " " + JsonArrays.write(List.of("sh", "-c", "exec " + text));
        }
        return "put the commands in a script that ends with exec <program> and run it with " + keyword
                + " [\"/path/to/script\"]";
    }

}
