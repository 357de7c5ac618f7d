package io.jlint.image;

/**
 * A layer entry that would reach outside the image's root, or that jlint could not apply as written. Such
 * entries are recorded here for rules to report and are never followed.
 *
 * @param layer  the layer
 * @param name   the entry name as written in the tar
 * @param kind   what is wrong
 * @param detail the link target, or other detail ("" when none)
 */
public record UnsafeEntry(int layer, String name, Kind kind, String detail) {

    /** Kinds of unsafe or unapplicable entries. */
    public enum Kind {
        /** The entry name climbs above the root with "..": the entry is ignored. */
        PATH_ESCAPES,
        /** A symlink whose relative target climbs above the root with "..": kept in the tree. */
        SYMLINK_ESCAPES,
        /** A hard link whose target climbs above the root: kept, without content. */
        HARDLINK_ESCAPES,
        /** A hard link whose target does not exist (or is not a file) when the layer is applied. */
        HARDLINK_DANGLING,
        /** An entry below a path that is not a directory: the non-directory was replaced by a directory. */
        PARENT_NOT_DIRECTORY
    }
}
