package io.jlint.dockerfile.parser;

import io.jlint.dockerfile.model.CommandLine;
import io.jlint.dockerfile.model.Comment;
import io.jlint.dockerfile.model.Directive;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Flag;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.Assignment;
import io.jlint.dockerfile.shell.Redirect;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model as JSON ({@code jlint parse --format json}); the layout is documented in the README. Written by hand
 * (no databind) so the parse command stays light.
 */
public final class JsonFormat {

    private final StringBuilder sb = new StringBuilder(4096);
    private int depth;
    private boolean first = true;

    private JsonFormat() {
    }

    public static String format(Dockerfile df) {
        JsonFormat j = new JsonFormat();
        j.dockerfile(df);
        return j.sb.toString();
    }

    // ------------------------------------------------------------------ writer

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(depth));
    }

    private void open(char c) {
        sb.append(c);
        depth++;
        first = true;
    }

    private void close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        sb.append(c);
        first = false;
    }

    private void key(String k) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        newline();
        string(k);
        sb.append(": ");
    }

    private void element() {
        if (!first) {
            sb.append(',');
        }
        first = false;
        newline();
    }

    private void string(String s) {
        if (s == null) {
            sb.append("null");
        } else {
            quote(s, sb);
        }
    }

    /**
     * Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped (and DEL, U+2028,
     * U+2029, which some readers take for line ends). The result is a valid Java string literal too (for a source
     * read as UTF-8).
     */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code s} as a JSON string (see {@link #quote(String, StringBuilder)}). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    private void field(String k, String v) {
        key(k);
        string(v);
    }

    private void field(String k, long v) {
        key(k);
        sb.append(v);
    }

    private void field(String k, boolean v) {
        key(k);
        sb.append(v);
    }

    private void strings(String k, List<String> values) {
        key(k);
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            string(values.get(i));
        }
        sb.append(']');
        first = false;
    }

    private void span(String k, Span s) {
        key(k);
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append("{\"startLine\": ").append(s.startLine()).append(", \"startColumn\": ").append(s.startColumn())
                .append(", \"endLine\": ").append(s.endLine()).append(", \"endColumn\": ").append(s.endColumn())
                .append(", \"startOffset\": ").append(s.startOffset()).append(", \"endOffset\": ")
                .append(s.endOffset()).append('}');
    }

    // ------------------------------------------------------------------ model

    private void dockerfile(Dockerfile df) {
        Map<Instruction, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < df.instructions().size(); i++) {
            index.put(df.instructions().get(i), i);
        }
        open('{');
        field("path", df.path());
        field("escape", String.valueOf(df.escape()));
        key("directives");
        open('[');
        for (Directive d : df.directives()) {
            element();
            open('{');
            field("name", d.name());
            field("value", d.value());
            span("span", d.span());
            close('}');
        }
        close(']');
        key("comments");
        open('[');
        for (Comment c : df.comments()) {
            element();
            open('{');
            field("text", c.text());
            span("span", c.span());
            close('}');
        }
        close(']');
        key("globalArgs");
        indices(df.globalArgs(), index);
        key("stages");
        open('[');
        for (Stage s : df.stages()) {
            element();
            open('{');
            field("index", s.index());
            field("name", s.name());
            field("baseStage", s.baseStage());
            field("from", index.get(s.from()));
            key("instructions");
            indices(s.instructions(), index);
            close('}');
        }
        close(']');
        key("instructions");
        open('[');
        for (Instruction in : df.instructions()) {
            element();
            instruction(in);
        }
        close(']');
        close('}');
    }

    private void indices(List<? extends Instruction> list, Map<Instruction, Integer> index) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(index.get(list.get(i)));
        }
        sb.append(']');
        first = false;
    }

    private void instruction(Instruction in) {
        open('{');
        field("kind", in.kind().name());
        field("keyword", in.node().keyword());
        span("span", in.span());
        key("flags");
        open('[');
        for (Flag f : in.flags()) {
            element();
            open('{');
            field("name", f.name());
            field("value", f.value());
            field("raw", f.raw());
            span("span", f.span());
            close('}');
        }
        close(']');
        strings("args", in.node().args());
        field("json", in.node().json());
        field("original", in.node().original());
        key("argsText");
        open('{');
        field("text", in.node().argsText().text());
        span("span", in.node().argsText().span(0, in.node().argsText().text().length()));
        close('}');
        key("heredocs");
        open('[');
        for (Heredoc h : in.node().heredocs()) {
            element();
            open('{');
            field("name", h.name());
            field("quoted", h.quoted());
            field("chomp", h.chomp());
            field("body", h.body());
            span("bodySpan", h.bodySpan());
            span("span", h.span());
            close('}');
        }
        close(']');
        typed(in);
        close('}');
    }

    private void typed(Instruction in) {
        if (in instanceof Instruction.From f) {
            field("image", f.image());
            field("stageName", f.stageName());
        } else if (in instanceof Instruction.Run r) {
            command("command", r.command());
            key("mounts");
            open('[');
            for (Mount m : r.mounts()) {
                element();
                open('{');
                field("type", m.type());
                key("options");
                open('{');
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.options()).entrySet()) {
                    field(e.getKey(), e.getValue());
                }
                close('}');
                close('}');
            }
            close(']');
        } else if (in instanceof Instruction.Cmd c) {
            command("command", c.command());
        } else if (in instanceof Instruction.Entrypoint e) {
            command("command", e.command());
        } else if (in instanceof Instruction.Copy c) {
            strings("sources", c.sources());
            field("destination", c.destination());
        } else if (in instanceof Instruction.Add a) {
            strings("sources", a.sources());
            field("destination", a.destination());
        } else if (in instanceof Instruction.Env e) {
            pairs(e.pairs());
        } else if (in instanceof Instruction.Arg a) {
            pairs(a.pairs());
        } else if (in instanceof Instruction.Label l) {
            pairs(l.pairs());
        } else if (in instanceof Instruction.Expose e) {
            strings("ports", e.ports());
        } else if (in instanceof Instruction.User u) {
            field("user", u.user());
        } else if (in instanceof Instruction.Workdir w) {
            field("path", w.path());
        } else if (in instanceof Instruction.Volume v) {
            strings("paths", v.paths());
        } else if (in instanceof Instruction.Shell s) {
            strings("shell", s.shell());
        } else if (in instanceof Instruction.Healthcheck h) {
            field("none", h.none());
            command("command", h.command());
        } else if (in instanceof Instruction.Stopsignal s) {
            field("signal", s.signal());
        } else if (in instanceof Instruction.Onbuild o) {
            key("trigger");
            if (o.trigger() == null) {
                sb.append("null");
            } else {
                instruction(o.trigger());
            }
        } else if (in instanceof Instruction.Maintainer m) {
            field("maintainer", m.maintainer());
        }
    }

    private void pairs(List<KeyValue> pairs) {
        key("pairs");
        open('[');
        for (KeyValue kv : pairs) {
            element();
            open('{');
            field("key", kv.key());
            field("value", kv.value());
            field("rawValue", kv.rawValue());
            field("legacy", kv.legacy());
            span("span", kv.span());
            close('}');
        }
        close(']');
    }

    private void command(String k, CommandLine c) {
        key(k);
        if (c == null) {
            sb.append("null");
            return;
        }
        open('{');
        field("execForm", c.execForm());
        strings("execArgs", c.execArgs());
        field("shellText", c.shellText() == null ? null : c.shellText().text());
        field("notQuiteJson", c.notQuiteJson());
        strings("shell", c.shell());
        key("scripts");
        open('[');
        for (ShellScript s : c.scripts()) {
            element();
            script(s);
        }
        close(']');
        close('}');
    }

    private void script(ShellScript s) {
        open('{');
        field("text", s.text().text());
        span("span", s.text().span(0, s.text().text().length()));
        field("complete", s.complete());
        key("commands");
        open('[');
        for (SimpleCommand c : s.commands()) {
            element();
            open('{');
            span("span", c.span());
            field("inSubstitution", c.inSubstitution());
            key("assignments");
            open('[');
            for (Assignment a : c.assignments()) {
                element();
                open('{');
                field("name", a.name());
                key("value");
                word(a.value());
                span("span", a.span());
                close('}');
            }
            close(']');
            key("words");
            open('[');
            for (Word w : c.words()) {
                element();
                word(w);
            }
            close(']');
            key("redirects");
            open('[');
            for (Redirect r : c.redirects()) {
                element();
                open('{');
                field("operator", r.operator());
                key("target");
                word(r.target());
                span("span", r.span());
                close('}');
            }
            close(']');
            close('}');
        }
        close(']');
        close('}');
    }

    private void word(Word w) {
        if (w == null) {
            sb.append("null");
            first = false;
            return;
        }
        open('{');
        field("raw", w.raw());
        field("value", w.value());
        field("literal", w.literal());
        span("span", w.span());
        close('}');
    }
}
