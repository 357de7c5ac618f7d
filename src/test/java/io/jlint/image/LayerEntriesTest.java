package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayerEntriesTest {

    @Test
    void roundTripsEveryField() {
        List<LayerEntry> in = List.of(
                LayerEntry.of(3, "./usr/bin/su", TarEntry.Type.FILE, 04755, 0, 0, "root", "root", 1_700_000_000L, 12345,
                        "", 0, 0, Map.of()),
                LayerEntry.of(3, "étc/ünïcode ☃", TarEntry.Type.SYMLINK, 0777, 65534, -1, "nobody", "", -5, 0,
                        "../../x", 0, 0, Map.of("security.capability", "\u0001\u0002", "user.k", "v")),
                LayerEntry.of(3, "dev/sda", TarEntry.Type.BLOCK_DEVICE, 0660, 1L << 40, 6, "", "disk", 0, 0, "", 8,
                        255, Map.of()),
                LayerEntry.of(3, "opt/.wh..wh..opq", TarEntry.Type.FILE, 0, 0, 0, "", "", 0, 0, "", 0, 0, Map.of()),
                LayerEntry.of(3, "../escape", TarEntry.Type.HARDLINK, 0644, 0, 0, "", "", 0, 1L << 35, "a", 0, 0,
                        Map.of()));
        LayerEntries t = new LayerEntries(3);
        in.forEach(t::add);
        t.seal();
        assertEquals(5, t.size());
        assertEquals(in, t.toList());
        assertEquals(LayerEntry.Whiteout.OPAQUE, t.toList().get(3).whiteout());
        assertEquals("/opt", t.toList().get(3).target());
        assertEquals(null, t.toList().get(4).path());
    }
}
