package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiveCiTest {

    static DiveCi parse(String s) {
        return DiveCi.parse(".dive-ci", s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void divesOwnExampleFile() {
        DiveCi d = parse("""
                rules:
                  # If the efficiency is measured below X%, mark as failed.
                  lowestEfficiency: 0.95
                  highestWastedBytes: 20MB
                  highestUserWastedPercent: 0.20
                """);
        assertEquals(0.95, d.lowestEfficiency());
        assertEquals(20_000_000L, d.highestWastedBytes());
        assertEquals(0.20, d.highestUserWastedPercent());
    }

    @Test
    void defaultsAndDisabled() {
        DiveCi d = parse("rules:\n  highestWastedBytes: 1GiB\n");
        assertEquals(0.9, d.lowestEfficiency());
        assertEquals(1L << 30, d.highestWastedBytes());
        assertEquals(0.1, d.highestUserWastedPercent());
        DiveCi off = parse("rules: {lowestEfficiency: disabled, highestUserWastedPercent: \"disabled\"}\n");
        assertNull(off.lowestEfficiency());
        assertNull(off.highestWastedBytes());
        assertNull(off.highestUserWastedPercent());
        assertEquals(0.9, parse("").lowestEfficiency());
        assertEquals(0.9, parse("other: 1\n").lowestEfficiency());
    }

    @Test
    void mistakesNameTheLine() {
        InputException e = assertThrows(InputException.class, () -> parse("rules:\n  lowestEfficiency: 95\n"));
        assertTrue(e.getMessage().startsWith(".dive-ci:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("ratio from 0 to 1"), e.getMessage());
        assertThrows(InputException.class, () -> parse("rules:\n  highestWastedBytes: lots\n"));
        assertTrue(assertThrows(InputException.class, () -> parse("rules:\n  lowestEfficency: 0.9\n")).getMessage()
                .contains("unknown rule 'lowestEfficency'"));
        assertThrows(InputException.class, () -> parse("rules: [a]\n"));
        assertThrows(InputException.class, () -> parse("rules: {a: [\n"));
    }

    @Test
    void foundNextToTheArchive(@TempDir Path dir) throws Exception {
        Path archive = dir.resolve("app.tar");
        Files.writeString(archive, "x");
        assertNull(DiveCi.find(archive));
        Files.writeString(dir.resolve(".dive-ci"), "rules:\n  lowestEfficiency: 0.5\n");
        assertEquals(0.5, DiveCi.find(archive).lowestEfficiency());
    }
}
