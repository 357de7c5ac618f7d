package io.jlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a command line through picocli (everything {@link FastLint} declines). Kept apart from {@link Main} so that
 * the fast path loads no picocli class (see {@link Main#viaPicocli}).
 */
final class PicocliRun {
    private PicocliRun() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        if (!Main.isCommand(args[0])) {
            String[] withLint = new String[args.length + 1];
            withLint[0] = "lint";
            System.arraycopy(args, 0, withLint, 1, args.length);
            args = withLint;
        }
        PrintWriter outW = new PrintWriter(out, true);
        PrintWriter errW = new PrintWriter(err, true);
        try {
            CommandLine cl = new CommandLine(new Main(in, terminal));
            cl.setOut(outW);
            cl.setErr(errW);
            cl.setParameterExceptionHandler(new UsageErrors(errW));
            cl.setExecutionExceptionHandler(new Failures(errW));
            int status = cl.execute(args);
            outW.flush();
            return status;
        } catch (RuntimeException | Error e) {
            return Main.handle(e, errW);
        }
    }

    /** The usage error of {@code jlint} with options and no command. */
    static RuntimeException noCommand(Main main) {
        return new CommandLine.ParameterException(new CommandLine(main), "no command given");
    }

    /*
     * The two handlers are classes, not lambdas: picocli is Java 5 bytecode, and a lambda implementing one of its
     * interfaces makes the CDS dump link (and then drop) that interface and its users, so they would load from
     * the jar at every start (see the launcher).
     */
    private static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        private final PrintWriter err;

        UsageErrors(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            err.println("jlint: " + ex.getMessage());
            err.println("see 'jlint " + commandPath(ex.getCommandLine()) + "--help'");
            return Main.BAD_INPUT;
        }
    }

    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        private final PrintWriter err;

        Failures(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
            return Main.handle(ex, err);
        }
    }

    private static String commandPath(CommandLine cl) {
        String name = cl.getCommandName();
        return "jlint".equals(name) ? "" : name + " ";
    }
}
