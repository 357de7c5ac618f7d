package io.jlint.dockerfile.model;

import io.jlint.dockerfile.shell.ShellScript;
import java.util.List;

/**
 * The command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD.
 *
 * @param execForm     written as a JSON array
 * @param execArgs     the array elements (exec form), else empty
 * @param shellText    the shell-form text (continuations removed, mapped to the source), else null
 * @param notQuiteJson shell form that looks like a JSON array but is not valid JSON (e.g. single quotes):
 *                     BuildKit runs it through the shell
 * @param shell        the shell in effect for this instruction (SHELL, default {@code /bin/sh -c})
 * @param scripts      the shell scripts this command runs, parsed: for shell form the command text, then each
 *                     heredoc body that the shell executes (a RUN whose command is only {@code <<EOF}, or whose
 *                     command is a shell reading the heredoc); empty for exec form
 */
public record CommandLine(boolean execForm, List<String> execArgs, MappedText shellText, boolean notQuiteJson,
                          List<String> shell, List<ShellScript> scripts) {

    public CommandLine {
        execArgs = List.copyOf(execArgs);
        shell = List.copyOf(shell);
        scripts = List.copyOf(scripts);
    }

    /** True when the effective shell is a POSIX shell (sh, bash, ash, dash, zsh, ksh), not cmd or powershell. */
    public boolean posixShell() {
        if (shell.isEmpty()) {
            return true;
        }
        String prog = shell.get(0);
        int slash = Math.max(prog.lastIndexOf('/'), prog.lastIndexOf('\\'));
        String base = prog.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
        return base.equals("sh") || base.equals("bash") || base.equals("ash") || base.equals("dash")
                || base.equals("zsh") || base.equals("ksh") || base.equals("mksh") || base.equals("busybox");
    }
}
