package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Instruction;
import java.util.Locale;

/**
 * BuildKit's parse-tree dump ({@code Node.Dump}), the format of its parser tests' {@code result} files: one line
 * per instruction, {@code (keyword ["--flag" …] "arg" …)}, strings Go-quoted, ONBUILD triggers nested.
 */
public final class BuildkitFormat {
    private BuildkitFormat() {
    }

    public static String format(Dockerfile df) {
        StringBuilder sb = new StringBuilder(df.source().length() + 64);
        for (Instruction in : df.instructions()) {
            sb.append('(');
            dump(sb, in);
            sb.append(")\n");
        }
        return sb.toString();
    }

    private static void dump(StringBuilder sb, Instruction in) {
        sb.append(in.node().keyword().toLowerCase(Locale.ROOT));
        if (!in.flags().isEmpty()) {
            sb.append(" [");
            boolean first = true;
            for (Flag f : in.flags()) {
                if (!first) {
                    sb.append(' ');
                }
                first = false;
                GoText.appendQuoted(sb, f.raw());
            }
            sb.append(']');
        }
        if (in instanceof Instruction.Onbuild ob) {
            if (ob.trigger() != null) {
                sb.append(" (");
                dump(sb, ob.trigger());
                sb.append(')');
            }
            return;
        }
        for (String a : in.node().args()) {
            sb.append(' ');
            GoText.appendQuoted(sb, a);
        }
    }
}
