package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.ImageConfig;
import io.jlint.image.ImageModel;
import java.util.List;
import java.util.Locale;

/**
 * The container's main process is {@code /bin/sh -c "…"}: what a shell-form {@code CMD} or {@code ENTRYPOINT}
 * builds (or an exec form that calls {@code sh -c} itself). The shell is PID 1; it does not forward
 * {@code SIGTERM}, so {@code docker stop} kills the real process after the timeout. A script that starts with
 * (or ends in) {@code exec} replaces the shell and is fine. Windows images are not judged.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1501", name = "image-shell-form-start", category = Category.ENTRYPOINT_CMD,
        severity = Severity.WARNING,
        summary = "The image's config starts its process through /bin/sh -c (shell-form CMD or ENTRYPOINT)",
        equivalents = {"buildkit:JSONArgsRecommended", "hadolint:DL3025"})
public final class Jl1501ShellFormStart implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        ImageConfig c = m.config();
        if ("windows".equalsIgnoreCase(c.os())) {
            return;
        }
        boolean hasEntrypoint = c.entrypoint() != null && !c.entrypoint().isEmpty();
        List<String> argv = hasEntrypoint ? c.entrypoint() : c.cmd();
        if (argv == null || argv.size() != 3 || !isShell(argv.get(0)) || !argv.get(1).equals("-c")) {
            return;
        }
        String script = argv.get(2);
        ShellScript s = ShellParser.parse(MappedText.contiguous(script, 0, LineIndex.of(script)));
        if (execs(s)) {
            return;
        }
        String what = hasEntrypoint ? "ENTRYPOINT" : "CMD";
        StringBuilder msg = new StringBuilder();
        msg.append(what).append(" runs ").append(quote(script)).append(" through ").append(argv.get(0))
                .append(" -c: the shell is PID 1 and does not pass SIGTERM on, so the process is killed only after"
                        + " the stop timeout");
        if (hasEntrypoint && c.cmd() != null && !c.cmd().isEmpty()) {
            msg.append(", and the CMD ").append(json(c.cmd())).append(" is never used (a shell-form ENTRYPOINT"
                    + " ignores CMD and run arguments)");
        }
        String exec = execForm(s);
        msg.append("; write ").append(what).append(" in exec form");
        if (exec != null) {
            msg.append(": ").append(what).append(' ').append(exec);
        } else {
            msg.append(", or start the script with exec so the process replaces the shell");
        }
        out.reportImage(null, null, msg.toString());
    }

    private static boolean isShell(String prog) {
        String base = prog.substring(prog.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return base.matches("(ba|da|a|z|k|mk)?sh");
    }

    /** True when the script hands over to its command with exec (first or last command). */
    private static boolean execs(ShellScript s) {
        List<SimpleCommand> cmds = s.commands();
        if (cmds.isEmpty()) {
            return false;
        }
        return "exec".equals(cmds.get(0).program()) || "exec".equals(cmds.get(cmds.size() - 1).program());
    }

    /** The exec-form equivalent of a script that is one plain command of literal words, or null. */
    private static String execForm(ShellScript s) {
        if (!s.complete() || s.commands().size() != 1) {
            return null;
        }
        SimpleCommand c = s.commands().get(0);
        if (!c.assignments().isEmpty() || !c.redirects().isEmpty() || c.words().isEmpty()
                || c.span().startOffset() != firstNonBlank(s.text().text())
                || c.span().endOffset() != lastNonBlank(s.text().text())) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        for (Word w : c.words()) {
            if (!w.literal()) {
                return null;
            }
            sb.append(sb.length() == 1 ? "" : ", ").append(jsonString(w.value()));
        }
        return sb.append(']').toString();
    }

    private static int firstNonBlank(String t) {
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastNonBlank(String t) {
        int i = t.length();
        while (i > 0 && Character.isWhitespace(t.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static String quote(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return "'" + (one.length() > 80 ? one.substring(0, 79) + "…" : one) + "'";
    }

    static String json(List<String> l) {
        StringBuilder sb = new StringBuilder("[");
        for (String s : l) {
            sb.append(sb.length() == 1 ? "" : ", ").append(jsonString(s));
        }
        return sb.append(']').toString();
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
