package io.jlint.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs jlint in-process through {@link Main#run} (or in a fresh JVM) and keeps status, stdout and stderr. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        return runWithStdin("", args);
    }

    static Cli runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The test class path (surefire's, not its booter jar's). */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** Runs {@code java [jvmArgs] -cp <extra>:<test class path> io.jlint.cli.Main args} in a new JVM. */
    static Cli jvm(List<Path> extraClassPath, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        return jvm(extraClassPath, Map.of(), jvmArgs, args);
    }

    /** {@link #jvm(List, List, String...)} with these variables added to (or replaced in) its environment. */
    static Cli jvm(List<Path> extraClassPath, Map<String, String> env, List<String> jvmArgs, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        StringBuilder cp = new StringBuilder();
        for (Path p : extraClassPath) {
            cp.append(p).append(File.pathSeparator);
        }
        cmd.add("-cp");
        cmd.add(cp + classPath());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        File errFile = File.createTempFile("jlint-err", ".txt");
        errFile.deleteOnExit();
        pb.redirectError(errFile);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jlint did not finish in 60 s: " + cmd);
        }
        String err = java.nio.file.Files.readString(errFile.toPath());
        return new Cli(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
