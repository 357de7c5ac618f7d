package io.jlint.dockerfile.shell;

import io.jlint.dockerfile.model.Span;
import java.util.List;

/**
 * A simple command: assignments, words (program and arguments) and redirections.
 *
 * @param inSubstitution the command is inside {@code $(…)} or backticks
 */
public record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, Span span,
                            boolean inSubstitution) implements ShellNode {

    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
        redirects = List.copyOf(redirects);
    }

    /** The program's name without directories ({@code /usr/bin/apt-get} gives {@code apt-get}), or "" if none. */
    public String program() {
        if (words.isEmpty()) {
            return "";
        }
        String v = words.get(0).value();
        return v.substring(v.lastIndexOf('/') + 1);
    }

    /** The values of the words after the program. */
    public List<String> args() {
        return words.stream().skip(1).map(Word::value).toList();
    }
}
