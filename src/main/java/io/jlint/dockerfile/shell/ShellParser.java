package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.MappedText;
import java.util.List;

/** Parses POSIX shell text into a {@link ShellScript}. (Placeholder until the shell parser lands.) */
public final class ShellParser {
    private ShellParser() {
    }

    public static ShellScript parse(MappedText text) {
        return new ShellScript(text, null, List.of(), false);
    }
}
