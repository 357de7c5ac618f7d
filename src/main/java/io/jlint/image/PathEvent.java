package io.jlint.image;

/** What a layer did to a path: added it, changed it (wrote it again, any type) or removed it. */
public record PathEvent(int layer, Op op) {

    /** The three things a layer can do to a path. */
    public enum Op {
        ADDED, CHANGED, REMOVED
    }
}
