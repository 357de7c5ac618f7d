package io.jlint.cli;

import io.jlint.engine.InputException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * Entry point. The only place where exceptions become exit statuses: 0 clean, 1 findings at or above the
 * threshold, 2 bad input or usage, 3 internal error.
 */
@Command(name = "jlint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Lints and optimizes Dockerfiles and Docker/OCI images.",
        subcommands = {LintCommand.class, RulesCommand.class, ParseCommand.class, ImageCommand.class,
                FixCommand.class, SquashCommand.class, RebuildCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    /** Subcommand names; anything else as first argument means {@code lint}. */
    private static final Set<String> COMMANDS = Set.of("lint", "image", "squash", "rebuild", "fix", "rules", "parse",
            "help", "-h", "--help", "-V", "--version");

    /** True in {@link #main}: standard error is the process's own (a progress bar may use it when a terminal). */
    static volatile boolean processStderr;

    /** Standard input (for {@code -}) and whether standard output is a terminal (for colour). */
    private final InputStream stdin;
    private final boolean terminal;

    public Main() {
        this(System.in, false);
    }

    Main(InputStream stdin, boolean terminal) {
        this.stdin = stdin;
        this.terminal = terminal;
    }

    /** Whether {@code arg} as first argument names a command or a top-level option (else it means lint). */
    static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    InputStream stdin() {
        return stdin;
    }

    boolean terminal() {
        return terminal;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        processStderr = true;
        int status = run(args, System.in, out, System.err, System.console() != null);
        out.flush();
        System.exit(status);
    }

    /** Runs jlint in-process (tests use this); never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err, false);
    }

    /** Runs jlint in-process with the given standard input; {@code terminal}: standard output is a terminal. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        if (args.length == 0) {
            err.println("jlint: no input; see 'jlint --help'");
            return BAD_INPUT;
        }
        LintOptions fast = FastLint.parse(args);
        if (fast != null) {
            return FastLint.run(fast, in, out, err, terminal);
        }
        return viaPicocli(args, in, out, err, terminal);
    }

    /**
     * {@link #run} without the fast path (tests compare the two). Picocli is reached only through
     * {@link PicocliRun}: no picocli type appears in this class's code, so verifying it loads none of picocli, and a
     * fast-path run never opens the jar (every class it needs comes from the start-up archive).
     */
    static int viaPicocli(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        return PicocliRun.run(args, in, out, err, terminal);
    }

    static int handle(Throwable ex, PrintWriter err) {
        if (ex instanceof InputException ie) {
            err.println("jlint: " + ie.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException uio) {
            err.println("jlint: " + uio.getCause().getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof OutOfMemoryError) {
            err.println("jlint: out of memory; raise the heap with JAVA_OPTS=-Xmx… or report the input that needs it");
            return INTERNAL;
        }
        err.println("jlint: internal error (a bug in jlint; please report it with the input that caused it):");
        err.println("  " + ex);
        StackTraceElement[] st = ex.getStackTrace();
        for (int i = 0; i < Math.min(5, st.length); i++) {
            err.println("    at " + st[i]);
        }
        err.flush();
        return INTERNAL;
    }

    @Override
    public void run() {
        // reached only through `jlint` with options and no subcommand
        throw PicocliRun.noCommand(this);
    }

    /** {@code --version}: from the jar manifest when packaged. */
    public static final class Version implements picocli.CommandLine.IVersionProvider {
        public static final String VERSION = io.jlint.report.Report.TOOL_VERSION;

        @Override
        public String[] getVersion() {
            return new String[] {"jlint " + VERSION};
        }
    }
}
