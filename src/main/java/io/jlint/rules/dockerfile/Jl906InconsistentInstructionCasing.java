package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import java.util.List;
import java.util.Locale;

/**
 * Instruction keywords written in a different case than most of the file's ({@code run} among {@code RUN}s), or in
 * mixed case ({@code Run}).
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL906", name = "inconsistent-instruction-casing", category = Category.MAINTAINABILITY,
        severity = Severity.STYLE,
        summary = "An instruction keyword is not in the case most of the file uses (or is in mixed case)",
        fixable = true,
        equivalents = {"buildkit:ConsistentInstructionCasing"})
public final class Jl906InconsistentInstructionCasing implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        int upper = 0;
        int lower = 0;
        for (Instruction in : df.instructions()) {
            String k = in.node().keyword();
            if (isUpper(k)) {
                upper++;
            } else if (isLower(k)) {
                lower++;
            }
        }
        boolean majorityLower = lower > upper;
        for (Instruction in : df.instructions()) {
            String k = in.node().keyword();
            if (k == null || k.isEmpty()) {
                continue;
            }
            boolean consistent = majorityLower ? isLower(k) : isUpper(k);
            if (!consistent) {
                String want = majorityLower ? k.toLowerCase(Locale.ROOT) : k.toUpperCase(Locale.ROOT);
                String why = isUpper(k) || isLower(k)
                        ? "while most instructions in this file are written in " + (majorityLower ? "lower" : "upper")
                        + " case"
                        : "in mixed case";
                int at = in.span().startOffset();
                Fix fix = df.source().startsWith(k, at)
                        ? new Fix("write " + want, List.of(new Edit(at, at + k.length(), want))) : null;
                out.report(in.span(), "'" + k + "' is written " + why + "; write " + want, fix);
            }
        }
    }

    private static boolean isUpper(String k) {
        return k != null && k.equals(k.toUpperCase(Locale.ROOT));
    }

    private static boolean isLower(String k) {
        return k != null && k.equals(k.toLowerCase(Locale.ROOT));
    }
}
