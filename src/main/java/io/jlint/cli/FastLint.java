package io.jlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The start-up fast path for the common command {@code jlint [lint] [options] PATH...}: parses the lint options
 * by hand, without picocli (building picocli's command model costs about a third of a short run), and runs the
 * same {@link LintRun} as {@link LintCommand}. It accepts only command lines whose meaning is certain — exact
 * option names, {@code --long=value}, values that do not start with {@code -} or {@code @}, no repeated
 * single-valued option, at least one PATH — and declines everything else (help, version, other commands,
 * unknown or clustered options, missing values, argument files), which then goes through picocli, so every
 * usage message and exit status stays picocli's.
 */
final class FastLint {

    private FastLint() {
    }

    /** The parsed options of a lint command line as {@link Main#run} receives it, or null: use picocli. */
    static LintOptions parse(String[] args) {
        int start = 0;
        if (args.length > 0 && args[0].equals("lint")) {
            start = 1;
        } else if (args.length == 0 || Main.isCommand(args[0])) {
            return null;
        }
        LintOptions o = new LintOptions();
        ArrayList<String> paths = new ArrayList<>();
        boolean format = false;
        boolean endOfOptions = false;
        for (int i = start; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return null;
            }
            if (endOfOptions || a.equals("-") || a.charAt(0) != '-') {
                if (endOfOptions && a.equals("--")) {
                    return null;
                }
                paths.add(a);
                continue;
            }
            if (a.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (a.equals("--no-color")) {
                if (o.noColor) {
                    return null;
                }
                o.noColor = true;
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
                if (value.startsWith("@")) {
                    return null;
                }
            } else {
                return null;
            }
            if (value.isEmpty() || value.charAt(0) == '-') {
                return null;
            }
            try {
                switch (name) {
                    case "-f", "--format" -> {
                        if (format) {
                            return null;
                        }
                        format = true;
                        o.format = value;
                    }
                    case "-o", "--output" -> {
                        if (o.output != null) {
                            return null;
                        }
                        o.output = Path.of(value);
                    }
                    case "-c", "--config" -> {
                        if (o.config != null) {
                            return null;
                        }
                        o.config = Path.of(value);
                    }
                    case "--fail-on" -> {
                        if (o.failOn != null) {
                            return null;
                        }
                        o.failOn = value;
                    }
                    case "--target" -> {
                        if (o.target != null) {
                            return null;
                        }
                        o.target = value;
                    }
                    case "--stdin-filename" -> {
                        if (o.stdinFilename != null) {
                            return null;
                        }
                        o.stdinFilename = value;
                    }
                    case "--ignore" -> o.ignore.add(value);
                    case "--severity" -> o.severity.add(value);
                    default -> {
                        return null;
                    }
                }
            } catch (InvalidPathException e) {
                return null;
            }
        }
        if (paths.isEmpty()) {
            return null;
        }
        o.paths = paths;
        return o;
    }

    /** Runs parsed lint options; output, messages and exit status as through picocli. */
    static int run(LintOptions options, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        PrintWriter outW = new PrintWriter(out, true);
        PrintWriter errW = new PrintWriter(err, true);
        try {
            int status = new LintRun(options, in, terminal, outW, errW).run();
            outW.flush();
            return status;
        } catch (LintRun.UsageException e) {
            // as Main's picocli handler reports a usage error of the lint command
            errW.println("jlint: " + e.getMessage());
            errW.println("see 'jlint lint --help'");
            return Main.BAD_INPUT;
        } catch (RuntimeException | Error e) {
            return Main.handle(e, errW);
        }
    }
}
