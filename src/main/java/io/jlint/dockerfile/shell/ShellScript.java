package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.MappedText;
import java.util.List;

/**
 * A parsed shell script (the text of a shell-form RUN, or a heredoc body).
 *
 * @param text     the text that was parsed, mapped to the source
 * @param root     the syntax tree ({@code null} when the text is empty)
 * @param commands every simple command in source order, including those inside groups, compound commands and
 *                 command substitutions
 * @param complete false when the parser met something it does not understand and stopped early: rules should
 *                 then say less, never more
 */
public record ShellScript(MappedText text, ShellNode root, List<SimpleCommand> commands, boolean complete) {

    public ShellScript {
        commands = List.copyOf(commands);
    }
}
