package io.jlint.image;

import java.util.Map;

/**
 * One raw tar header, after PAX and GNU long-name records were applied.
 *
 * @param name         the entry name as written (not cleaned)
 * @param type         the kind of entry
 * @param typeFlag     the raw type flag byte
 * @param mode         permission bits, including setuid/setgid/sticky (07777)
 * @param size         the size field (for header-only types this may be non-zero while no data follows)
 * @param linkName     the link target (symlinks and hard links), "" otherwise
 * @param xattrs       extended attributes from PAX {@code SCHILY.xattr.*} records
 * @param pax          every PAX record that applies to the entry (global ones merged under local ones), as read;
 *                     empty when there were none (writers that copy entries keep records such as fractional
 *                     {@code mtime}, {@code atime} or vendor keys from here)
 * @param headerOffset offset of the entry's first header (PAX/GNU records included) in the stream
 * @param dataOffset   offset of the entry's data in the stream
 */
public record TarEntry(String name, Type type, char typeFlag, int mode, long uid, long gid, String uname,
                       String gname, long mtime, long size, String linkName, int devMajor, int devMinor,
                       Map<String, String> xattrs, long headerOffset, long dataOffset, Map<String, String> pax) {

    /** Bytes of data that follow the header (0 for header-only types). */
    public long dataLength() {
        return type.headerOnly() ? 0 : size;
    }

    /** Kinds of tar entries. */
    public enum Type {
        FILE, HARDLINK, SYMLINK, CHAR_DEVICE, BLOCK_DEVICE, DIRECTORY, FIFO;

        /** True for types whose entries carry no data. */
        public boolean headerOnly() {
            return this != FILE;
        }

        static Type of(char flag, String name) {
            return switch (flag) {
                case '1' -> HARDLINK;
                case '2' -> SYMLINK;
                case '3' -> CHAR_DEVICE;
                case '4' -> BLOCK_DEVICE;
                case '5' -> DIRECTORY;
                case '6' -> FIFO;
                case '\0' -> name.endsWith("/") ? DIRECTORY : FILE;   // old V7 directories
                default -> FILE;                                         // '0', '7' and unknown types: data
            };
        }
    }
}
