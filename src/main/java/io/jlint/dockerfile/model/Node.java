package io.jlint.dockerfile.model;

import java.util.List;

/**
 * What every instruction has, whatever its kind: BuildKit's generic view of it plus exact positions.
 *
 * @param kind     the instruction
 * @param keyword  the keyword as written (case preserved)
 * @param flags    flags in order, as BuildKit extracts them
 * @param args     BuildKit's argument values, exactly what its parser test {@code result} files print after the
 *                 flags (for ENV/LABEL: key, value, separator triples; for a JSON form: the array elements;
 *                 otherwise the whitespace-split or whole-rest-of-line strings)
 * @param json     the arguments were a valid JSON string array (exec form)
 * @param original the instruction text as written, from the keyword to the end of its last line, with
 *                 continuations but without heredoc bodies
 * @param heredocs here-documents of this instruction, in order
 * @param span     the whole instruction: keyword to end of its last line, heredoc bodies and terminators included
 * @param argsText the argument text after keyword and flags, continuations and continuation comments removed,
 *                 mapped back to the source (empty text when there are none)
 */
public record Node(InstructionKind kind, String keyword, List<Flag> flags, List<String> args, boolean json,
                   String original, List<Heredoc> heredocs, Span span, MappedText argsText) {

    public Node {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
    }

    public int line() {
        return span.startLine();
    }
}
