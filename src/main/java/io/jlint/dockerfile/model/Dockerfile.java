package io.jlint.dockerfile.model;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * A parsed Dockerfile.
 *
 * @param path         the path as given on the command line ({@code -} for standard input)
 * @param source       the text as read (BOM removed, line endings untouched)
 * @param lines        line index of {@code source}
 * @param escape       the escape character ({@code \} or backtick)
 * @param directives   parser directives at the top
 * @param comments     comment lines, in order
 * @param instructions every instruction in file order (ARGs before the first FROM included)
 * @param globalArgs   the ARG instructions before the first FROM
 * @param stages       build stages in order
 */
public record Dockerfile(String path, String source, LineIndex lines, char escape, List<Directive> directives,
                         List<Comment> comments, List<Instruction> instructions, List<Instruction.Arg> globalArgs,
                         List<Stage> stages) {

    public Dockerfile {
        directives = List.copyOf(directives);
        comments = List.copyOf(comments);
        instructions = List.copyOf(instructions);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /** The last stage: what {@code docker build} builds without {@code --target}. */
    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** The stage {@code --target NAME} builds (case-insensitive name or index), the final stage for null. */
    public Stage targetStage(String target) {
        if (target == null || target.isEmpty()) {
            return finalStage();
        }
        Stage s = stageByRef(target, stages.size());
        return s != null ? s : finalStage();
    }

    /**
     * The stage a {@code FROM x}, {@code COPY --from=x} or {@code --mount from=x} reference names, looking only at
     * stages before {@code beforeIndex}; null when it names an image.
     */
    public Stage stageByRef(String ref, int beforeIndex) {
        if (ref == null) {
            return null;
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        for (int i = Math.min(beforeIndex, stages.size()) - 1; i >= 0; i--) {
            Stage s = stages.get(i);
            if (s.name() != null && s.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return s;
            }
        }
        if (!lower.isEmpty() && lower.chars().allMatch(Character::isDigit) && lower.length() < 6) {
            int idx = Integer.parseInt(lower);
            if (idx < Math.min(beforeIndex, stages.size())) {
                return stages.get(idx);
            }
        }
        return null;
    }

    /**
     * The stages whose layers end up in the image built from {@code target}: the target itself and, transitively,
     * the stages it is built FROM. Stages that only feed files through {@code COPY --from} are not included (their
     * layers never reach the image).
     */
    public BitSet layerStages(Stage target) {
        BitSet out = new BitSet();
        for (Stage s = target; s != null; s = s.baseStage() >= 0 ? stages.get(s.baseStage()) : null) {
            if (out.get(s.index())) {
                break;
            }
            out.set(s.index());
        }
        return out;
    }

    /**
     * Every stage a build of {@code target} needs: layer stages and, transitively, the stages they copy or mount
     * from.
     */
    public BitSet neededStages(Stage target) {
        BitSet out = new BitSet();
        Deque<Stage> todo = new ArrayDeque<>();
        todo.push(target);
        while (!todo.isEmpty()) {
            Stage s = todo.pop();
            if (out.get(s.index())) {
                continue;
            }
            out.set(s.index());
            if (s.baseStage() >= 0) {
                todo.push(stages.get(s.baseStage()));
            }
            for (Instruction in : s.instructions()) {
                String ref = null;
                if (in instanceof Instruction.Copy || in instanceof Instruction.Add) {
                    ref = in.flag("from").map(Flag::value).orElse(null);
                }
                if (ref != null) {
                    Stage dep = stageByRef(ref, s.index());
                    if (dep != null) {
                        todo.push(dep);
                    }
                }
                if (in instanceof Instruction.Run run) {
                    for (Mount m : run.mounts()) {
                        Stage dep = stageByRef(m.option("from"), s.index());
                        if (dep != null) {
                            todo.push(dep);
                        }
                    }
                }
            }
        }
        return out;
    }
}
