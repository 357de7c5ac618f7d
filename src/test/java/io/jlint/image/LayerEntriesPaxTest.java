package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact entry tables keep the PAX records writers copy, and give entries by index. */
class LayerEntriesPaxTest {

    @Test
    void paxRecordsThatWritersCopySurviveTheCompactTable() {
        LayerEntry withPax = LayerEntry.of(1, "usr/bin/ping", TarEntry.Type.FILE, 04755, 0, 0, "root", "root",
                1_234_567_890L, 10, "", 0, 0, Map.of("security.capability", "\u0001"),
                Map.of("mtime", "1234567890.25", "atime", "1234567999.5", "LIBARCHIVE.creationtime", "1",
                        "SCHILY.xattr.security.capability", "\u0001", "path", "usr/bin/ping", "size", "10"));
        LayerEntry onlyXattrPax = LayerEntry.of(1, "x", TarEntry.Type.FILE, 0644, 0, 0, "", "", 0, 0, "", 0, 0,
                Map.of("user.a", "b"), Map.of("SCHILY.xattr.user.a", "b"));
        LayerEntries t = new LayerEntries(1);
        t.add(withPax);
        t.add(onlyXattrPax);
        t.seal();
        LayerEntry back = t.get(0);
        assertEquals(Map.of("mtime", "1234567890.25", "atime", "1234567999.5", "LIBARCHIVE.creationtime", "1",
                "SCHILY.xattr.security.capability", "\u0001"), back.pax(),
                "path and size are written from the header fields, not copied");
        assertEquals(withPax.xattrs(), back.xattrs());
        assertEquals(onlyXattrPax, t.get(1));
        assertEquals(List.of(t.get(0), t.get(1)), t.asList());
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2));
    }
}
