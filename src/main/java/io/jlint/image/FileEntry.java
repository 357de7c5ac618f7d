package io.jlint.image;

import java.util.Map;

/**
 * One path of the merged (final) filesystem.
 *
 * @param path       absolute, e.g. {@code /etc/passwd} ("/" for the root)
 * @param type       DIRECTORY, FILE, SYMLINK, HARDLINK (a name of a file written elsewhere), devices, FIFO
 * @param mode       permission bits with setuid/setgid/sticky (07777); 0755 for implicit directories
 * @param size       bytes of content (files and hard links; 0 for the rest)
 * @param linkTarget a symlink's target as written, or a hard link's target as an absolute path; "" otherwise
 * @param layer      the layer that wrote this version
 * @param implicit   true for a directory no layer has an entry for (created for the entries below it)
 * @param xattrs     extended attributes from the tar (e.g. {@code security.capability})
 */
public record FileEntry(String path, TarEntry.Type type, int mode, long uid, long gid, long size, String linkTarget,
                        long mtime, int layer, boolean implicit, int devMajor, int devMinor,
                        Map<String, String> xattrs) {

    public boolean isSetuid() {
        return (mode & 04000) != 0;
    }

    public boolean isSetgid() {
        return (mode & 02000) != 0;
    }

    public boolean isWorldWritable() {
        return (mode & 0002) != 0;
    }
}
