package io.jlint.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training run for the class-data-sharing archive (see the {@code jlint} launcher): runs every command line of a
 * training file through {@link Main#run} in this one JVM, output discarded, so that the classes a real run loads
 * are listed ({@code -XX:DumpLoadedClassList}) and can be archived. Failing commands are part of the training
 * (usage errors load the error path), so their status is ignored. One command per line, arguments separated by
 * blanks (no quoting); blank lines and lines starting with {@code #} are skipped.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining TRAINING-FILE");
            System.exit(2);
        }
        List<String[]> commands = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                commands.add(t.split("\\s+"));
            }
        }
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            for (String[] command : commands) {
                Main.run(command, nowhere, nowhere);
            }
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        realOut.println("trained on " + commands.size() + " command lines");
    }
}
