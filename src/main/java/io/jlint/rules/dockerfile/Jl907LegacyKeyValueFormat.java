package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;
import java.util.Locale;

/** {@code ENV key value} / {@code LABEL key value}: the legacy space-separated form. */
@AutoService(Rule.class)
@RuleInfo(id = "JL907", name = "legacy-key-value-format", category = Category.MAINTAINABILITY,
        severity = Severity.STYLE,
        summary = "ENV or LABEL uses the legacy 'key value' form instead of key=value",
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
                    out.report(in.span(), kw + " " + kv.key() + " <value> is the legacy form: the value runs to the "
                            + "end of the line, so one instruction cannot set several keys and spaces and quotes are "
                            + "easy to get wrong; write " + kw + " " + kv.key() + "=" + shown);
                    break;
                }
            }
        }
    }
}
