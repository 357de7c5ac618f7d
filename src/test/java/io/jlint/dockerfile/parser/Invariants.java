package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.List;

/** Properties every parsed Dockerfile has; null when they hold, else what is wrong. */
final class Invariants {
    private Invariants() {
    }

    static String check(Dockerfile df) {
        return check(df, true);
    }

    /** {@code strict}: parsed by {@code parse} (every instruction is in a stage or a global ARG). */
    static String check(Dockerfile df, boolean strict) {
        String src = df.source();
        int previousEnd = -1;
        for (Instruction in : df.instructions()) {
            String r = instruction(df, in);
            if (r != null) {
                return r;
            }
            if (in.span().startOffset() < previousEnd) {
                return "instructions overlap at line " + in.line();
            }
            previousEnd = in.span().endOffset();
        }
        for (var c : df.comments()) {
            if (!src.substring(c.span().startOffset(), c.span().endOffset()).equals("#" + c.text())) {
                return "comment span " + c.span();
            }
        }
        int stageInstructions = 0;
        for (var s : df.stages()) {
            stageInstructions += 1 + s.instructions().size();
            if (s.baseStage() >= s.index()) {
                return "stage " + s.index() + " built from a later stage";
            }
        }
        if (strict && stageInstructions + df.globalArgs().size() != df.instructions().size()) {
            return "stages and global ARGs do not hold every instruction";
        }
        return null;
    }

    private static String instruction(Dockerfile df, Instruction in) {
        String src = df.source();
        Span s = in.span();
        if (s.startOffset() < 0 || s.endOffset() > src.length() || s.startOffset() > s.endOffset()) {
            return "span out of bounds " + s;
        }
        char first = src.charAt(s.startOffset());
        boolean leadingContinuation = first == '\\' || first == '`';
        if (!leadingContinuation && !src.startsWith(in.node().original(), s.startOffset())) {
            return "original is not the source text at the span start, line " + in.line();
        }
        if (!leadingContinuation && Character.toUpperCase(first) != Character.toUpperCase(in.node().keyword().charAt(0))) {
            return "span does not start at the keyword, line " + in.line();
        }
        String r = mapped(df, in.node().argsText(), in.line());
        if (r != null) {
            return r;
        }
        for (Flag f : in.flags()) {
            if (f.span().startOffset() < s.startOffset() || f.span().endOffset() > s.endOffset()) {
                return "flag outside its instruction, line " + in.line();
            }
        }
        for (Heredoc h : in.node().heredocs()) {
            // the marker may be split by a continuation, so only its ends are checked
            if (src.charAt(h.span().endOffset() - 1) == '\n' || h.span().startOffset() < s.startOffset()
                    || !src.substring(h.span().startOffset(), h.span().endOffset()).contains("<")) {
                return "heredoc marker span, line " + in.line();
            }
            if (h.bodySpan().startOffset() < s.startOffset() || h.bodySpan().endOffset() > s.endOffset()) {
                return "heredoc body outside its instruction, line " + in.line();
            }
        }
        List<KeyValue> pairs = in instanceof Instruction.Env e ? e.pairs()
                : in instanceof Instruction.Label l ? l.pairs() : in instanceof Instruction.Arg a ? a.pairs() : List.of();
        for (KeyValue kv : pairs) {
            if (kv.span().startOffset() < s.startOffset() || kv.span().endOffset() > s.endOffset()) {
                return "key/value outside its instruction, line " + in.line();
            }
        }
        var cmd = in instanceof Instruction.Run run ? run.command() : in instanceof Instruction.Cmd c ? c.command()
                : in instanceof Instruction.Entrypoint e ? e.command() : null;
        if (cmd != null) {
            for (ShellScript script : cmd.scripts()) {
                r = mapped(df, script.text(), in.line());
                if (r != null) {
                    return r;
                }
                for (SimpleCommand c : script.commands()) {
                    for (Word w : c.words()) {
                        if (w.span().startOffset() < s.startOffset() || w.span().endOffset() > s.endOffset()
                                || w.span().startOffset() > w.span().endOffset()) {
                            return "shell word " + w.raw() + " outside its instruction, line " + in.line();
                        }
                    }
                }
            }
        }
        if (in instanceof Instruction.Onbuild ob && ob.trigger() != null) {
            return instruction(df, ob.trigger());
        }
        return null;
    }

    private static String mapped(Dockerfile df, MappedText t, int line) {
        if (t.offsets().length != t.text().length() + 1) {
            return "mapped text offsets length, line " + line;
        }
        for (int i = 0; i < t.text().length(); i++) {
            int off = t.offsets()[i];
            if (off < 0 || off >= df.source().length() || df.source().charAt(off) != t.text().charAt(i)) {
                return "mapped text char " + i + " does not match the source, line " + line;
            }
            if (i > 0 && off <= t.offsets()[i - 1]) {
                return "mapped text offsets not increasing, line " + line;
            }
        }
        return null;
    }
}
