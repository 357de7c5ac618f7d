package io.jlint.rules.dockerfile;

import io.jlint.fix.JsonArrays;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Instruction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An exec-form CMD/ENTRYPOINT whose program element holds a whole command line ({@code CMD ["flask run"]}): there
 * is no shell to split it, so the runtime looks for a program literally named "flask run" and the container
 * fails to start. Only the first element (the program) is judged; arguments with spaces are normal.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL507", name = "command-line-in-exec-element", category = Category.ENTRYPOINT_CMD,
        severity = Severity.ERROR,
        summary = "The program element of an exec-form CMD or ENTRYPOINT holds a whole command line",
        equivalents = {})
public final class Jl507CommandLineInExecElement implements Rule<Dockerfile> {

    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_./~+-]+");
    private static final Pattern SHELL_CHARS = Pattern.compile("[\\\\'\"$|&;<>(){}`*?]");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df == null || df.stages().isEmpty()) {
            return;
        }
        StartCommand.Effective e = StartCommand.of(df, df.targetStage(ctx.config().target()));
        if (e.windows()) {
            return;
        }
        if (e.entry() != null) {
            report(e.entry(), e.entryCmd(), "ENTRYPOINT", out);
        } else if (e.cmd() != null) {
            report(e.cmd(), e.cmdCmd(), "CMD", out);
        }
    }

    private static void report(Instruction in, CommandLine c, String keyword, FindingSink out) {
        if (c == null || !c.execForm() || c.execArgs().isEmpty()) {
            return;
        }
        String first = c.execArgs().get(0);
        String trimmed = first.trim();
        String[] words = trimmed.split("\\s+");
        if (words.length < 2 || !PROGRAM.matcher(words[0]).matches() || words[0].contains(":")) {
            return;
        }
        String fix;
        if (SHELL_CHARS.matcher(trimmed).find()) {
            fix = "put the program and each argument in its own element";
        } else {
            List<String> split = new ArrayList<>(Arrays.asList(words));
            split.addAll(c.execArgs().subList(1, c.execArgs().size()));
            fix = "write " + keyword + " " + JsonArrays.write(split);
        }
        out.report(in.span(), "The exec-form " + keyword + " runs a program literally named \"" + trimmed
                + "\" (there is no shell to split it), so the container fails to start; " + fix);
    }
}
