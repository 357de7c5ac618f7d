package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * A blank line inside a continued instruction: BuildKit skips it today (with a warning), but it is deprecated and
 * easily hides where the instruction really ends.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL908", name = "empty-continuation-line", category = Category.MAINTAINABILITY,
        severity = Severity.INFO,
        summary = "A continued instruction contains an empty line, which BuildKit has deprecated",
        fixable = true,
        equivalents = {"buildkit:NoEmptyContinuation"})
public final class Jl908EmptyContinuationLine implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        String src = df.source();
        LineIndex lines = df.lines();
        if (src == null || lines == null) {
            return;
        }
        for (Instruction in : df.instructions()) {
            int first = in.span().startLine();
            int last = lastCommandLine(in);
            int reported = -1;
            List<Edit> edits = new ArrayList<>();
            for (int line = first + 1; line < last && line <= lines.lineCount(); line++) {
                if (insideHeredoc(in, line)) {
                    continue;
                }
                if (lineText(src, lines, line).isBlank()) {
                    if (reported < 0) {
                        reported = line;
                    }
                    int start = lines.lineStart(line);
                    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : src.length();
                    edits.add(new Edit(start, end, ""));
                }
            }
            if (reported > 0) {
                out.report(in.span(), "line " + reported + " inside this instruction is empty: the instruction goes"
                        + " on after it because of the line continuation before it, which BuildKit has deprecated and"
                        + " readers easily misread; remove the empty line (or put a # comment there)",
                        new Fix("remove the empty line" + (edits.size() > 1 ? "s" : "") + " inside the instruction",
                                edits));
            }
        }
    }

    /** The last line of the instruction itself (heredoc bodies belong after it). */
    private static int lastCommandLine(Instruction in) {
        int last = in.span().endLine();
        for (Heredoc h : in.node().heredocs()) {
            if (h.bodySpan() != null && h.bodySpan().startLine() > 0) {
                last = Math.min(last, h.bodySpan().startLine() - 1);
            }
        }
        return last;
    }

    private static boolean insideHeredoc(Instruction in, int line) {
        for (Heredoc h : in.node().heredocs()) {
            if (h.bodySpan() != null && line >= h.bodySpan().startLine() && line <= h.bodySpan().endLine() + 1) {
                return true;
            }
        }
        return false;
    }

    private static String lineText(String src, LineIndex lines, int line) {
        int start = lines.lineStart(line);
        int end = line < lines.lineCount() ? lines.lineStart(line + 1) : src.length();
        return src.substring(Math.min(start, src.length()), Math.min(end, src.length()));
    }
}
