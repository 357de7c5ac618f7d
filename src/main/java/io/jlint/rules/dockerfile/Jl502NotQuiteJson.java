package io.jlint.rules.dockerfile;

import io.jlint.fix.JsonArrays;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.ExecFormConverter;
import io.jlint.fix.FixAttempt;
import java.util.List;

/**
 * A CMD or ENTRYPOINT of the built image that looks like a JSON array but is not valid JSON (single quotes,
 * trailing comma, unquoted words): BuildKit runs it as a shell command, so the container executes the brackets.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL502", name = "not-quite-json", category = Category.ENTRYPOINT_CMD, severity = Severity.ERROR,
        summary = "A CMD or ENTRYPOINT looks like a JSON array but is not valid JSON, so it runs as a shell command",
        fixable = true, equivalents = {"hadolint:DL3025", "buildkit:JSONArgsRecommended"})
public final class Jl502NotQuiteJson implements Rule<Dockerfile> {

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
        report(df, e.entry(), e.entryCmd(), "ENTRYPOINT", out);
        report(df, e.cmd(), e.cmdCmd(), "CMD", out);
    }

    private static void report(Dockerfile df, Instruction in, CommandLine c, String keyword, FindingSink out) {
        if (in == null || c == null || c.execForm() || !c.notQuiteJson()) {
            return;
        }
        List<String> items = JsonArrays.readQuoted(StartCommand.text(c));
        String fix = items != null && !items.isEmpty() ? keyword + " " + JsonArrays.write(items)
                : "a JSON array with double-quoted strings";
        FixAttempt attempt = ExecFormConverter.requote(df, in, c);
        String text = StartCommand.text(c);
        String why = text.indexOf('\'') >= 0 || text.indexOf('\u2018') >= 0 || text.indexOf('\u201C') >= 0
                ? "JSON needs double quotes" : "JSON needs a comma between elements and a closing ]";
        out.report(in.span(), attempt.message(keyword + " looks like a JSON array but is not valid JSON (" + why
                + "), so it runs as a shell command and the container tries to execute the brackets;"
                + " write " + fix), attempt.fix());
    }
}
