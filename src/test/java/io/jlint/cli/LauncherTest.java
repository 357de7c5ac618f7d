package io.jlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jlint} launcher (bash) around a stand-in jar: a tiny {@code io.jlint.cli.Main} that reports its
 * arguments, standard input, JVM options and exit status, so the launcher's own behaviour is what is tested:
 * arguments and status pass through, it works from any folder and through a symlink, it picks JVM options by
 * command, it makes a CDS archive for the JVM and uses it, and it stays silent when the archive does not match.
 */
class LauncherTest {

    private static final String STUB_MAIN = """
            package io.jlint.cli;
            public final class Main {
                public static void main(String[] args) throws Exception {
                    if (args.length == 1 && args[0].equals("--version")) {
                        System.out.println("jlint stub");
                        return;
                    }
                    StringBuilder sb = new StringBuilder();
                    for (String a : args) {
                        sb.append('[').append(a).append(']');
                    }
                    System.out.println("args " + sb);
                    System.out.println("cwd " + System.getProperty("user.dir"));
                    System.out.println("jvm " + java.lang.management.ManagementFactory.getRuntimeMXBean()
                            .getInputArguments());
                    if (args.length > 0 && args[0].equals("stdin")) {
                        System.out.println("stdin " + new String(System.in.readAllBytes(), "UTF-8").strip());
                    }
                    if (args.length > 1 && args[0].equals("exit")) {
                        System.exit(Integer.parseInt(args[1]));
                    }
                }
            }
            """;

    private static final String STUB_TRAINING = """
            package io.jlint.cli;
            public final class CdsTraining {
                public static void main(String[] args) throws Exception {
                    Main.main(new String[] {"trained", args[0]});
                }
            }
            """;

    @TempDir
    static Path shared;

    private static Path stubJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildStub() throws IOException {
        Assumptions.assumeTrue(onPath("bash"), "bash is needed to run the launcher");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(javac != null, "a JDK (javac) is needed to build the stand-in jar");
        Path src = shared.resolve("src/io/jlint/cli");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Main.java"), STUB_MAIN);
        Files.writeString(src.resolve("CdsTraining.java"), STUB_TRAINING);
        Path classes = shared.resolve("classes");
        Files.createDirectories(classes);
        int rc = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.resolve("Main.java").toString(), src.resolve("CdsTraining.java").toString());
        assertEquals(0, rc, "javac");
        stubJar = shared.resolve("jlint.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(stubJar), mf);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(p));
                jar.closeEntry();
            }
        }
    }

    /** A checkout in {@code tmp/repo}: the launcher, the stand-in jar, a training file. */
    private Path checkout() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("target"));
        Files.createDirectories(repo.resolve("src/cds"));
        Path launcher = repo.resolve("jlint");
        Files.copy(Path.of("jlint"), launcher);
        assertTrue(launcher.toFile().setExecutable(true));
        Files.copy(stubJar, repo.resolve("target/jlint.jar"));
        Files.writeString(repo.resolve("src/cds/training.txt"), "--version\n");
        Files.writeString(repo.resolve("src/cds/training-lint.txt"), "Dockerfile\n");
        return repo;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(Path dir, Map<String, String> env, String stdin, String... cmd)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JLINT_CDS");
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private static Run jlint(Path dir, Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return run(dir, env, "", cmd.toArray(String[]::new));
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    @Test
    void passesArgumentsStdinAndExitStatusThroughFromAnyFolder() throws Exception {
        Path repo = checkout();
        Path elsewhere = Files.createDirectories(tmp.resolve("some where"));
        Run r = jlint(elsewhere, repo.resolve("jlint"), Map.of(), "a b", "", "*", "$HOME", "-f");
        assertEquals(0, r.status(), r.err());
        assertEquals("args [a b][][*][$HOME][-f]", line(r.out(), "args"));
        assertEquals("cwd " + elsewhere.toRealPath(), line(r.out(), "cwd"));
        assertEquals("", r.err());

        for (int status : new int[] {1, 2, 3}) {
            assertEquals(status, jlint(elsewhere, repo.resolve("jlint"), Map.of(), "exit", "" + status).status());
        }
        Run in = run(elsewhere, Map.of(), "FROM scratch\n", repo.resolve("jlint").toString(), "stdin");
        assertEquals("stdin FROM scratch", line(in.out(), "stdin"));
    }

    @Test
    void worksThroughSymlinks() throws Exception {
        Path repo = checkout();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link1 = Files.createSymbolicLink(bin.resolve("jlint"), repo.resolve("jlint"));
        Path link2 = Files.createSymbolicLink(tmp.resolve("jl"), link1);
        Run r = jlint(tmp, link2, Map.of(), "x");
        assertEquals(0, r.status(), r.err());
        assertEquals("args [x]", line(r.out(), "args"));
    }

    @Test
    void picksJvmOptionsByCommandAndHonoursJavaOpts() throws Exception {
        Path repo = checkout();
        Map<String, String> noCds = Map.of("JLINT_CDS", "off");
        String lint = line(jlint(tmp, repo.resolve("jlint"), noCds, "Dockerfile").out(), "jvm");
        assertTrue(lint.contains("-XX:TieredStopAtLevel=1") && lint.contains("-XX:+UseSerialGC"), lint);
        // jansi and zstd-jni load native code: JDK 22+ would warn on stderr on every run without this
        assertTrue(lint.contains("--enable-native-access=ALL-UNNAMED"), lint);

        String image = line(jlint(tmp, repo.resolve("jlint"), noCds, "image", "app.tar").out(), "jvm");
        assertFalse(image.contains("TieredStopAtLevel"), image);
        assertTrue(image.contains("-XX:+UseParallelGC"), image);

        // an image archive given to lint is recognised by its content, whatever its name
        Path tar = tmp.resolve("app.img");
        byte[] header = new byte[512];
        System.arraycopy("manifest.json".getBytes(StandardCharsets.US_ASCII), 0, header, 0, 13);
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
        Files.write(tar, header);
        String byContent = line(jlint(tmp, repo.resolve("jlint"), noCds, tar.toString()).out(), "jvm");
        assertFalse(byContent.contains("TieredStopAtLevel"), byContent);

        Map<String, String> opts = new HashMap<>(noCds);
        opts.put("JAVA_OPTS", "-Dfrom.opts=yes -XX:+UseG1GC");
        Run r = jlint(tmp, repo.resolve("jlint"), opts, "Dockerfile");
        assertEquals(0, r.status(), r.err());
        String withOpts = line(r.out(), "jvm");
        assertTrue(withOpts.contains("-Dfrom.opts=yes") && withOpts.contains("-XX:+UseG1GC"), withOpts);
        assertFalse(withOpts.contains("UseSerialGC"), "the user's collector replaces the launcher's: " + withOpts);
    }

    @Test
    void makesTheArchiveForThisJvmUsesItAndFallsBackSilently() throws Exception {
        Path repo = checkout();
        Run first = jlint(tmp, repo.resolve("jlint"), Map.of(), "x");
        assertEquals(0, first.status(), first.err());
        assertEquals("", first.err());
        List<Path> archives;
        try (Stream<Path> s = Files.list(repo.resolve("target/cds"))) {
            archives = s.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
        assertEquals(1, archives.size(), "one archive for this JVM");
        Path jsa = archives.get(0);
        String used = line(jlint(tmp, repo.resolve("jlint"), Map.of(), "x").out(), "jvm");
        assertTrue(used.contains("-XX:SharedArchiveFile=" + jsa), used);

        // a damaged archive whose id still matches: the JVM rejects it, and says nothing
        assertTrue(jsa.toFile().setWritable(true));
        Files.write(jsa, new byte[] {1, 2, 3});
        Run damaged = jlint(tmp, repo.resolve("jlint"), Map.of(), "x");
        assertEquals(0, damaged.status());
        assertEquals("", damaged.err());
        assertEquals("args [x]", line(damaged.out(), "args"));

        // a rebuilt jar (here even dated in the future): the archive is made again, once
        Path jar = repo.resolve("target/jlint.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = jlint(tmp, repo.resolve("jlint"), Map.of(), "x");
        assertEquals("", rebuilt.err());
        assertTrue(Files.size(jsa) > 1000, "archive made again");
        assertTrue(line(rebuilt.out(), "jvm").contains("-XX:SharedArchiveFile="), rebuilt.out());
        FileTime made = Files.getLastModifiedTime(jsa);
        Run again = jlint(tmp, repo.resolve("jlint"), Map.of(), "x");
        assertTrue(line(again.out(), "jvm").contains("-XX:SharedArchiveFile="), again.out());
        assertEquals(made, Files.getLastModifiedTime(jsa), "not made a third time");

        // options that decide the archive's format: the launcher leaves it out
        Run share = jlint(tmp, repo.resolve("jlint"), Map.of("JAVA_OPTS", "-Xshare:off"), "x");
        assertFalse(line(share.out(), "jvm").contains("SharedArchiveFile"), share.out());
        assertEquals("", share.err());
    }

    /** A fake JDK: a release file and a bin/java script that says which JDK it is and echoes its arguments. */
    private static Path fakeJdk(Path home, String version) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_RUNTIME_VERSION=\"" + version
                + "+1\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"fake ${0%/bin/java}\"\nfor a in \"$@\"; do echo \"arg $a\"; done\n");
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    @Test
    void withoutJavaOrJavaHomeTakesTheNewestJdk25OrLaterElseJavaOnPath() throws Exception {
        Path repo = checkout();
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        Path java21 = fakeJdk(jvms.resolve("jdk-21"), "21.0.4");
        fakeJdk(jvms.resolve("jdk-25"), "25.0.1");
        fakeJdk(jvms.resolve("jdk-26"), "26");
        fakeJdk(jvms.resolve("jdk-17"), "17.0.2");
        Files.createSymbolicLink(jvms.resolve("zz-default"), jvms.resolve("jdk-21")); // aliases are skipped
        Files.createDirectories(jvms.resolve("not-a-jdk"));
        Map<String, String> env = new HashMap<>(Map.of("JAVA", "", "JAVA_HOME", "", "JLINT_CDS", "off",
                "JLINT_JDK_DIRS", "/nonexistent:" + jvms));
        Run r = jlint(tmp, repo.resolve("jlint"), env, "Dockerfile");
        assertEquals(0, r.status(), r.err());
        assertEquals("fake " + jvms.resolve("jdk-26"), line(r.out(), "fake"));
        assertTrue(r.out().contains("arg io.jlint.cli.Main\narg Dockerfile"), r.out());

        // JAVA_HOME (or JAVA) wins over the search
        env.put("JAVA_HOME", jvms.resolve("jdk-21").toString());
        assertEquals("fake " + jvms.resolve("jdk-21"), line(jlint(tmp, repo.resolve("jlint"), env, "x").out(), "fake"));

        // nothing >= 25 in the folders: java on PATH, found through its symbolic link
        env.put("JAVA_HOME", "");
        env.put("JLINT_JDK_DIRS", jvms.resolve("jdk-21") + ":" + tmp.resolve("nowhere"));
        Path bin = Files.createDirectories(tmp.resolve("pathbin"));
        Files.createSymbolicLink(bin.resolve("java"), java21);
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Run fromPath = jlint(tmp, repo.resolve("jlint"), env, "x");
        assertEquals(0, fromPath.status(), fromPath.err());
        assertEquals("fake " + bin.resolve("java"), line(fromPath.out(), "fake"));
    }

    /** The newest JDK >= 25 of this machine's usual folder, or null. */
    private static Path jdk25OrLater() throws IOException {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvm)) {
            for (Path home : homes.filter(h -> !Files.isSymbolicLink(h)).sorted().toList()) {
                Path release = home.resolve("release");
                if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(release)) {
                    for (String l : Files.readAllLines(release)) {
                        if (l.startsWith("JAVA_VERSION=\"")) {
                            String major = l.substring(14).split("[.\"]")[0];
                            if (major.matches("\\d+") && Integer.parseInt(major) >= 25) {
                                return home.resolve("bin/java");
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    @Test
    void onJdk25MakesTwoAotCachesAndPicksOneByCommand() throws Exception {
        Path java = jdk25OrLater();
        Assumptions.assumeTrue(java != null, "no JDK >= 25 in /usr/lib/jvm");
        Path repo = checkout();
        Map<String, String> env = Map.of("JAVA", java.toString());
        Run lint = jlint(tmp, repo.resolve("jlint"), env, "Dockerfile");
        assertEquals(0, lint.status(), lint.err());
        assertEquals("", lint.err());
        String jvm = line(lint.out(), "jvm");
        assertTrue(jvm.matches(".*-XX:AOTCache=\\S*\\.lint\\.aot[,\\]].*"), "the lint cache: " + jvm);
        assertTrue(jvm.contains("-Xlog:aot=off"), jvm);

        for (String[] args : List.of(new String[] {"--format", "json", "Dockerfile"},
                new String[] {"-f", "sarif", "Dockerfile"}, new String[] {"--format=gitlab", "x"},
                new String[] {"rules"})) {
            Run other = jlint(tmp, repo.resolve("jlint"), env, args);
            assertEquals(0, other.status(), other.err());
            assertEquals("", other.err());
            String o = line(other.out(), "jvm");
            assertTrue(o.contains("-XX:AOTCache=") && !o.contains(".lint.aot"), "the full cache: " + o);
        }
        String tty = line(jlint(tmp, repo.resolve("jlint"), env, "--format", "tty", "x").out(), "jvm");
        assertTrue(tty.contains(".lint.aot"), tty);
        try (Stream<Path> s = Files.list(repo.resolve("target/cds"))) {
            assertEquals(2, s.filter(p -> p.toString().endsWith(".aot")).count());
        }
        // options that decide the cache: the launcher leaves it out, silently
        Run own = jlint(tmp, repo.resolve("jlint"), Map.of("JAVA", java.toString(), "JAVA_OPTS", "-Xshare:off"), "x");
        assertEquals("", own.err());
        assertFalse(line(own.out(), "jvm").contains("AOTCache"), own.out());
    }

    @Test
    void aJvmOlderThan17IsRefusedWithAMessage() throws Exception {
        Path repo = checkout();
        Path fake = Files.createDirectories(tmp.resolve("jdk11/bin"));
        Path java = fake.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        assertTrue(java.toFile().setExecutable(true));
        Files.writeString(tmp.resolve("jdk11/release"), "JAVA_VERSION=\"11.0.2\"\n");
        Run r = jlint(tmp, repo.resolve("jlint"), Map.of("JAVA", java.toString()), "x");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("needs Java 17 or later"), r.err());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
