package io.jlint.dockerfile.model;

import java.util.List;

/**
 * A build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index        0-based position of the stage in the file
 * @param name         the {@code AS} name as written, or null
 * @param from         the FROM instruction
 * @param instructions the instructions after FROM, in order
 * @param baseStage    index of the earlier stage this one is built FROM (matched by name or index), or -1 when it
 *                     starts from an image
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> instructions, int baseStage) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    /** Instructions of one kind, in order. */
    public <T extends Instruction> List<T> all(Class<T> type) {
        return instructions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
