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

    /**
     * The position of this very instruction (by identity) in {@link #instructions()}, or -1. Use it instead of
     * {@code instructions().indexOf(..)}: records compare structurally, so indexOf walks every field of every
     * instruction it passes (and binds the record's equals method at first use, which costs start-up time).
     */
    public int position(Instruction instruction) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) == instruction) {
                return i;
            }
        }
        return -1;
    }

    /** Instructions of one kind, in order. */
    public <T extends Instruction> List<T> all(Class<T> type) {
        return instructions.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
