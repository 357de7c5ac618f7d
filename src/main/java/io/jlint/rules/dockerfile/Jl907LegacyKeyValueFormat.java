package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
import java.util.List;
import java.util.Locale;

/** {@code ENV key value} / {@code LABEL key value}: the legacy space-separated form. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL907", name = "legacy-key-value-format", category = Category.MAINTAINABILITY,
        severity = Severity.STYLE,
        summary = "ENV or LABEL uses the legacy 'key value' form instead of key=value",
        fixable = true,
        equivalents = {"buildkit:LegacyKeyValueFormat"})
public final class Jl907LegacyKeyValueFormat implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            List<KeyValue> pairs;
            if (in instanceof Instruction.Env e) {
                pairs = e.pairs();
            } else if (in instanceof Instruction.Label l) {
                pairs = l.pairs();
            } else {
                continue;
            }
            for (KeyValue kv : pairs) {
                if (kv.legacy()) {
                    String kw = in.node().keyword().toUpperCase(Locale.ROOT);
                    String value = kv.value() == null ? "" : kv.value();
                    String shown = value.matches("[^\\s\"'\\\\$]*") ? value : "\"…\"";
                    FixAttempt fix = keyValue(df, in, kv);
                    out.report(in.span(), fix.message(kw + " " + kv.key() + " <value> is the legacy form: the value"
                            + " runs to the end of the line, so one instruction cannot set several keys and spaces and"
                            + " quotes are easy to get wrong; write " + kw + " " + kv.key() + "=" + shown), fix.fix());
                    break;
                }
            }
        }
    }

    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("[^\\s\"'`\\\\]+");

    /**
     * {@code KEY value} to {@code KEY=value} (double-quoted when the value has blanks). Variable references stay
     * as they are, since both forms expand them; values with quotes or the escape character are left alone
     * (their processing differs between the forms in ways not worth guessing).
     */
    private static FixAttempt keyValue(Dockerfile df, Instruction in, KeyValue kv) {
        if (in.node().keyword() == null || kv.value() == null || kv.rawValue() == null) {
            return FixAttempt.refused("the value is missing");
        }
        String v = kv.value();
        if (v.indexOf('"') >= 0 || v.indexOf('\'') >= 0 || v.indexOf(df.escape()) >= 0 || v.indexOf('\n') >= 0
                || kv.rawValue().indexOf(df.escape()) >= 0 || kv.rawValue().indexOf('"') >= 0
                || kv.rawValue().indexOf('\'') >= 0 || v.isEmpty()) {
            return FixAttempt.refused("the value has quotes, escapes or line continuations");
        }
        if (in.span().startLine() != in.span().endLine()) {
            return FixAttempt.refused("it is written over several lines");
        }
        MappedText args = in.node().argsText();
        int start = args.sourceOffset(0);
        int end = in.span().endOffset();
        String value = BARE.matcher(v).matches() ? v : "\"" + v + "\"";
        String text = kv.key() + "=" + value;
        return FixAttempt.of(new Fix("write " + in.node().keyword() + " " + text, List.of(new Edit(start, end, text))));
    }
}
