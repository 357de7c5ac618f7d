package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    static byte[] tarHeader() {
        byte[] b = new byte[512];
        byte[] name = "Dockerfile".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, b, 0, name.length);
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, b, 257, 6);
        return b;
    }

    @Test
    void recognisesArchivesByContent() {
        assertTrue(Inputs.isImageArchive(tarHeader()));
        assertTrue(Inputs.isImageArchive(new byte[] {0x1f, (byte) 0x8b, 8, 0}));
        assertTrue(Inputs.isImageArchive(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0}));
        assertFalse(Inputs.isImageArchive("FROM scratch\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(Inputs.isImageArchive(new byte[0]));
        byte[] gnu = tarHeader();
        System.arraycopy("ustar  \0".getBytes(StandardCharsets.US_ASCII), 0, gnu, 257, 8);
        assertTrue(Inputs.isImageArchive(gnu), "GNU tar magic");
    }

    @Test
    void dockerfileNames() {
        for (String n : List.of("Dockerfile", "Containerfile", "app.Dockerfile", "app.dockerfile", "Dockerfile.dev")) {
            assertTrue(Inputs.isDockerfileName(n), n);
        }
        for (String n : List.of("dockerfile", "Dockerfile-dev", "README.md", "Containerfile.dev", "MyDockerfile")) {
            assertFalse(Inputs.isDockerfileName(n), n);
        }
    }

    @Test
    void expandsDirectoriesSortedAndSkipsVendoredFolders(@TempDir Path tmp) throws IOException {
        for (String f : List.of("Dockerfile", "b/app.Dockerfile", "a/Dockerfile.dev", "a/x.dockerfile",
                "node_modules/Dockerfile", ".git/Dockerfile", "target/Dockerfile", "c/README.md", "Containerfile")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "FROM scratch\n");
        }
        List<Inputs.Input> in = Inputs.expand(List.of(tmp.toString()), null);
        assertEquals(List.of("Containerfile", "Dockerfile", "a/Dockerfile.dev", "a/x.dockerfile",
                "b/app.Dockerfile"), in.stream().map(i -> tmp.relativize(Path.of(i.display())).toString()).toList());
    }

    @Test
    void routesByContentNotName(@TempDir Path tmp) throws IOException {
        Path tar = Files.write(tmp.resolve("Dockerfile"), tarHeader());
        Path gz = Files.write(tmp.resolve("app.Dockerfile"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        Path text = Files.writeString(tmp.resolve("image.tar"), "FROM scratch\n");
        Path layout = Files.createDirectories(tmp.resolve("layout"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
        Path saved = Files.createDirectories(tmp.resolve("saved/blobs"));
        Files.writeString(saved.resolveSibling("index.json"), "{}");
        List<Inputs.Input> in = Inputs.expand(List.of(tar.toString(), gz.toString(), text.toString(),
                layout.toString(), saved.getParent().toString(), tmp.resolve("missing").toString(), "-"), "std.in");
        assertInstanceOf(Inputs.ImageInput.class, in.get(0));
        assertInstanceOf(Inputs.ImageInput.class, in.get(1));
        assertInstanceOf(Inputs.DockerfileInput.class, in.get(2));
        assertInstanceOf(Inputs.ImageInput.class, in.get(3));
        assertInstanceOf(Inputs.ImageInput.class, in.get(4));
        assertInstanceOf(Inputs.BadInput.class, in.get(5));
        assertEquals("std.in", in.get(6).display());
    }

    @Test
    void emptyDirectoryIsBadInput(@TempDir Path tmp) {
        Inputs.Input in = Inputs.expand(List.of(tmp.toString()), null).get(0);
        assertTrue(((Inputs.BadInput) in).error().getMessage().contains("no Dockerfile below this directory"));
    }

    @Test
    void stdinRefusesArchives() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.jlint.engine.InputException.class,
                () -> Inputs.readStdin(new ByteArrayInputStream(tarHeader()), "-"));
        assertTrue(e.getMessage().startsWith("-: an image archive on standard input"), e.getMessage());
    }
}
