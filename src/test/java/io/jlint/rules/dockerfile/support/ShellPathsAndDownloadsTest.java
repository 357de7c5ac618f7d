package io.jlint.rules.dockerfile.support;

import static io.jlint.rules.dockerfile.support.PackageManagersTest.cmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellPathsAndDownloadsTest {

    private static final RunEnv ENV = new RunEnv(Map.of("APP", "/opt/app"), null, "/work", List.of());

    @Test
    void normalises() {
        assertEquals("~/.cache/pip", ShellPaths.normalize("/root/.cache/pip/", ENV, "/"));
        assertEquals("~/.cache/pip", ShellPaths.normalize("$HOME/.cache/pip", ENV, "/"));
        assertEquals("~/.npm", ShellPaths.normalize("/home/node/.npm", ENV, "/"));
        assertEquals("/opt/app/x.tgz", ShellPaths.normalize("${APP}/x.tgz", ENV, "/"));
        assertEquals("/work/x.tgz", ShellPaths.normalize("./x.tgz", ENV, "/work"));
        assertEquals("/tmp/x", ShellPaths.normalize("/tmp//a/../x", ENV, "/"));
        assertEquals("$tmp/x.tgz", ShellPaths.normalize("${tmp}/x.tgz", ENV, "/"), "unknown stays symbolic");
        assertEquals("x.tgz", ShellPaths.normalize("x.tgz", ENV, null));
    }

    @Test
    void removes() {
        assertTrue(ShellPaths.removes("/var/lib/apt/lists/*", "/var/lib/apt/lists"));
        assertTrue(ShellPaths.removes("/var/lib/apt/lists", "/var/lib/apt/lists"));
        assertTrue(ShellPaths.removes("/var/lib/apt", "/var/lib/apt/lists"));
        assertTrue(ShellPaths.removes("/var/cache/{yum,dnf}", "/var/cache/dnf"));
        assertTrue(ShellPaths.removes("/tmp/*", "/tmp/x.tgz"));
        assertTrue(ShellPaths.removes("~/.cache", "~/.cache/pip"));
        assertFalse(ShellPaths.removes("/var/cache/apt/*", "/var/lib/apt/lists"));
        assertFalse(ShellPaths.removes("/tmp/*.zip", "/tmp/x.tgz"));
        assertFalse(ShellPaths.removes("/", "/tmp/x.tgz"), "nobody cleans with rm -rf /");
        assertEquals(List.of("/var/cache/yum", "/var/cache/dnf"), ShellPaths.braces("/var/cache/{yum,dnf}"));
        assertTrue(ShellPaths.holds("/var/lib/apt", "/var/lib/apt/lists"));
        assertFalse(ShellPaths.holds("/var/cache/apt", "/var/lib/apt/lists"));
    }

    @Test
    void removedPaths() {
        assertEquals(List.of("/var/lib/apt/lists/*", "/tmp/x"),
                ShellPaths.removedPaths(cmd("rm -rf /var/lib/apt/lists/* /tmp/x"), ENV, "/"));
        assertEquals(List.of("/var/lib/apt/lists/*"),
                ShellPaths.removedPaths(cmd("find /var/lib/apt/lists -type f -delete"), ENV, "/"));
        assertEquals(List.of("/work/a.tgz"), ShellPaths.removedPaths(cmd("sudo rm -f -- a.tgz"), ENV, "/work"));
        assertTrue(ShellPaths.removedPaths(cmd("find / -name x -print"), ENV, "/").isEmpty());
    }

    @Test
    void downloads() {
        assertEquals("/tmp/a.tgz", only("curl -fsSLo /tmp/a.tgz https://x/a.tgz"));
        assertEquals("/work/a.tgz", only("curl -fsSLO https://x/dl/a.tgz?raw=1"));
        assertEquals("/work/a.tgz", only("curl --remote-name https://x/a.tgz"));
        assertEquals("/opt/a.tgz", only("curl --output-dir /opt -O https://x/a.tgz"));
        assertEquals("/work/a.zip", only("wget -q https://x/a.zip"));
        assertEquals("/tmp/b.zip", only("wget -qO /tmp/b.zip https://x/a.zip"));
        assertEquals("/dl/a.zip", only("wget -P /dl https://x/a.zip"));
        assertTrue(Downloads.downloads(cmd("curl -fsSL https://x/a.tgz"), ENV, "/work").isEmpty(), "stdout");
        assertTrue(Downloads.downloads(cmd("wget -qO- https://x/a.tgz"), ENV, "/work").isEmpty(), "stdout");
        assertTrue(Downloads.downloads(cmd("curl -fsSL -o - https://x/a.tgz"), ENV, "/work").isEmpty());
        assertTrue(Downloads.downloads(cmd("curl -OJ https://x/download"), ENV, "/work").isEmpty(), "server names it");
    }

    private static String only(String text) {
        List<Downloads.Download> d = Downloads.downloads(cmd(text), ENV, "/work");
        assertEquals(1, d.size(), text);
        return d.get(0).path();
    }

    @Test
    void unpacked() {
        assertEquals(List.of("/work/a.tgz"), Downloads.unpacked(cmd("tar xzf a.tgz"), ENV, "/work"));
        assertEquals(List.of("/tmp/a.tgz"), Downloads.unpacked(cmd("tar -C /opt -xzf /tmp/a.tgz"), ENV, "/"));
        assertEquals(List.of("/tmp/a.tgz"), Downloads.unpacked(cmd("tar --extract --file=/tmp/a.tgz"), ENV, "/"));
        assertEquals(List.of("/tmp/a.tgz"), Downloads.unpacked(cmd("tar -xJ -f /tmp/a.tgz --strip-components 1"),
                ENV, "/"));
        assertTrue(Downloads.unpacked(cmd("tar -czf /tmp/a.tgz /src"), ENV, "/").isEmpty(), "creates");
        assertEquals(List.of("/tmp/a.zip"), Downloads.unpacked(cmd("unzip -q /tmp/a.zip -d /opt"), ENV, "/"));
        assertEquals(List.of("/tmp/a.deb"), Downloads.unpacked(cmd("dpkg -i /tmp/a.deb"), ENV, "/"));
        assertEquals(List.of("/work/a.deb"), Downloads.unpacked(cmd("apt-get install -y ./a.deb curl"), ENV,
                "/work"));
        assertEquals(List.of("/tmp/a.rpm"), Downloads.unpacked(cmd("rpm -Uvh /tmp/a.rpm"), ENV, "/"));
    }
}
