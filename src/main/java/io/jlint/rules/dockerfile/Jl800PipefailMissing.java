package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A RUN pipeline whose earlier commands can fail unnoticed: without {@code pipefail} the shell reports only the
 * last command's status, so {@code curl … | tar x} or {@code make | tee log} "succeeds" when curl or make fail.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL800", name = "pipe-without-pipefail", category = Category.CORRECTNESS, severity = Severity.WARNING,
        summary = "A RUN pipeline runs without pipefail, so a failure before the last | does not fail the build",
        equivalents = {"hadolint:DL4006"})
public final class Jl800PipefailMissing implements Rule<Dockerfile> {

    /** Producers that cannot fail in a way pipefail would catch (or that pipefail would break: yes). */
    private static final Set<String> SAFE_PRODUCERS = Set.of("echo", "printf", "yes", "true", ":");

    /**
     * Consumers that stop reading early (the producer may die of SIGPIPE, so pipefail would fail the build) or that
     * ignore their input on purpose.
     */
    private static final Set<String> EARLY_CLOSERS = Set.of("head", "true", ":");

    /** Listing and text-processing commands (see {@link #cannotFail}). */
    private static final Set<String> INVENTORY = Set.of("find", "ldd", "dpkg", "dpkg-query", "dpkg-architecture",
            "apt-mark", "apt-cache", "rpm", "apk", "ls", "stat", "du", "df", "awk", "gawk", "mawk", "sed", "sort",
            "uniq", "cut", "tr", "grep", "egrep", "fgrep", "cat", "tac", "tail", "head", "wc", "env", "printenv",
            "locale", "id", "getent", "readlink", "realpath", "basename", "dirname", "tee", "column", "jq", "yq",
            "xargs", "nl", "paste", "fold", "fmt", "expand", "rev", "comm", "join", "diff", "scanelf", "file",
            "strings", "nproc", "uname", "date", "hostname", "whoami", "pwd", "seq", "base64", "od", "xxd",
            "hexdump");

    private static final Set<String> POSIX_SHEBANG = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        Variables vars = null;
        for (Stage stage : df.stages()) {
            for (Instruction in : stage.instructions()) {
                if (!(in instanceof Instruction.Run run) || run.command() == null || run.command().execForm()
                        || !run.command().posixShell() || shellSetsPipefail(run.command().shell())) {
                    continue;
                }
                ShellNode.Pipeline hit = null;
                for (ShellScript script : run.command().scripts()) {
                    if (script == null || !script.complete() || script.root() == null || foreignShebang(script)) {
                        continue;
                    }
                    hit = firstUnsafePipeline(script);
                    if (hit != null) {
                        break;
                    }
                }
                if (hit == null) {
                    continue;
                }
                if (vars == null) {
                    vars = Variables.of(df);
                }
                out.report(run.span(), "the pipeline " + excerpt(df, hit) + " runs without pipefail, so this "
                        + "RUN passes when a command before the last | fails (only the last one's exit status counts); "
                        + advice(df, vars, stage, run.command().shell()));
            }
        }
    }

    /** The pipeline's source text on one line, shortened: {@code `curl -fsSL … | sh` (line 4)}. */
    private static String excerpt(Dockerfile df, ShellNode.Pipeline p) {
        String src = df.source();
        int from = Math.max(0, Math.min(p.span().startOffset(), src.length()));
        int to = Math.max(from, Math.min(p.span().endOffset(), src.length()));
        String text = src.substring(from, to).replaceAll("\\\\?\\r?\\n", " ").replaceAll("\\s+", " ").trim();
        if (text.length() > 80) {
            text = text.substring(0, 79) + "…";
        }
        return "`" + text + "` (line " + p.span().startLine() + ")";
    }

    private static String advice(Dockerfile df, Variables vars, Stage stage, List<String> shell) {
        String prog = shell.isEmpty() ? "/bin/sh" : shell.get(0);
        String base = prog.substring(prog.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (base.equals("bash") || base.equals("zsh") || base.equals("ksh")) {
            return "start the script with set -o pipefail && … or use SHELL [\"" + prog
                    + "\", \"-o\", \"pipefail\", \"-c\"]";
        }
        String image = rootImage(df, vars, stage);
        if (image != null && (image.contains("alpine") || image.contains("busybox"))) {
            return "start the script with set -o pipefail && … (busybox ash supports it) or use "
                    + "SHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]";
        }
        return "use SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN (or start it with "
                + "set -o pipefail && … when the image's /bin/sh supports it)";
    }

    /** The image the stage's FROM chain starts from, lower-case, or null. */
    private static String rootImage(Dockerfile df, Variables vars, Stage stage) {
        Stage s = stage;
        for (int guard = 0; s.baseStage() >= 0 && guard < df.stages().size(); guard++) {
            s = df.stages().get(s.baseStage());
        }
        String v = vars.fromImage(s).value();
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static boolean shellSetsPipefail(List<String> shell) {
        for (String a : shell) {
            if (a.contains("pipefail")) {
                return true;
            }
        }
        return false;
    }

    /** A heredoc script with a {@code #!} line naming something other than a POSIX shell. */
    private static boolean foreignShebang(ShellScript script) {
        String t = script.text() == null ? "" : script.text().text().stripLeading();
        if (!t.startsWith("#!")) {
            return false;
        }
        String line = t.lines().findFirst().orElse("").substring(2).trim();
        String[] parts = line.split("\\s+");
        if (parts.length == 0) {
            return false;
        }
        String prog = parts[0].substring(parts[0].lastIndexOf('/') + 1);
        if (prog.equals("env") && parts.length > 1) {
            prog = parts[1];
        }
        if (line.contains("pipefail")) {
            return true;
        }
        return !POSIX_SHEBANG.contains(prog);
    }

    private static ShellNode.Pipeline firstUnsafePipeline(ShellScript script) {
        int pipefailFrom = Integer.MAX_VALUE;
        for (SimpleCommand c : script.commands()) {
            if (c.program().equals("set") && !c.inSubstitution() && setsPipefail(c)) {
                pipefailFrom = Math.min(pipefailFrom, c.span().startOffset());
            }
        }
        return find(script.root(), pipefailFrom, false);
    }

    private static boolean setsPipefail(SimpleCommand set) {
        List<String> args = set.args();
        for (int i = 1; i < args.size(); i++) {
            String opt = args.get(i - 1);
            if (args.get(i).equals("pipefail") && opt.startsWith("-") && opt.endsWith("o")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first pipeline whose failure would be hidden; {@code handled} when the pipeline's status is already tested
     * by a following {@code ||} (the author decided what a failure means).
     */
    private static ShellNode.Pipeline find(ShellNode node, int pipefailFrom, boolean handled) {
        if (node == null) {
            return null;
        }
        if (node instanceof ShellNode.Pipeline p) {
            if (!handled && !p.negated() && p.elements().size() > 1 && p.span().startOffset() < pipefailFrom
                    && unsafe(p)) {
                return p;
            }
            for (ShellNode e : p.elements()) {
                ShellNode.Pipeline r = find(e, pipefailFrom, handled);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (node instanceof ShellNode.AndOrList l) {
            for (int i = 0; i < l.elements().size(); i++) {
                boolean orNext = i < l.operators().size() && l.operators().get(i).equals("||");
                ShellNode.Pipeline r = find(l.elements().get(i), pipefailFrom, handled || orNext);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (node instanceof ShellNode.Sequence s) {
            for (ShellNode e : s.elements()) {
                ShellNode.Pipeline r = find(e, pipefailFrom, handled);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (node instanceof ShellNode.Group g) {
            return find(g.body(), pipefailFrom, handled);
        }
        if (node instanceof ShellNode.Compound c) {
            if (c.keyword().equals("function")) {
                return null;
            }
            boolean conditional = c.keyword().equals("if") || c.keyword().equals("while")
                    || c.keyword().equals("until");
            for (int i = 0; i < c.parts().size(); i++) {
                // the first part of if/while/until is the condition: its status is what the author tests
                ShellNode.Pipeline r = find(c.parts().get(i), pipefailFrom, handled || conditional && i == 0);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * True when a failure before the last {@code |} would go unnoticed: the last command succeeds on empty or cut-off
     * input (tee, sort, sh, jq, xargs…) and some earlier command can really fail. A last command that fails by
     * itself on missing input (grep, a decompressing tar, sha256sum -c, gpg --import, apt-key add) makes the failure
     * visible; one that stops reading early (head, grep -q) would make pipefail fail the build.
     */
    private static boolean unsafe(ShellNode.Pipeline p) {
        List<ShellNode> els = p.elements();
        ShellNode last = els.get(els.size() - 1);
        if (last instanceof SimpleCommand consumer) {
            SimpleCommand c = Commands.unwrap(consumer);
            String prog = c.program();
            if (EARLY_CLOSERS.contains(prog) || failsOnEmptyInput(c)) {
                return false;
            }
        }
        boolean anyRisky = false;
        for (int i = 0; i < els.size() - 1; i++) {
            ShellNode e = els.get(i);
            if (e instanceof SimpleCommand c && c.program().equals("yes")) {
                return false;
            }
            if (!cannotFail(e)) {
                anyRisky = true;
            }
        }
        return anyRisky;
    }

    /**
     * A producer whose failure does not matter or is expected: echo/printf, a here-document, and the listing and
     * text tools of inventory pipelines ({@code find … -exec ldd | awk | sort -u | xargs dpkg-query --search}),
     * which partly fail by design (pipefail would break those builds), or groups of those.
     */
    private static boolean cannotFail(ShellNode n) {
        if (n instanceof SimpleCommand raw) {
            SimpleCommand c = Commands.unwrap(raw);
            String prog = c.program();
            return prog.isEmpty() || SAFE_PRODUCERS.contains(prog) || INVENTORY.contains(prog);
        }
        if (n instanceof ShellNode.Group g) {
            return cannotFail(g.body());
        }
        if (n instanceof ShellNode.Sequence s) {
            return s.elements().stream().allMatch(Jl800PipefailMissing::cannotFail);
        }
        if (n instanceof ShellNode.AndOrList l) {
            return l.elements().stream().allMatch(Jl800PipefailMissing::cannotFail);
        }
        return false;
    }

    /** Consumers that exit non-zero when their input is missing or cut off. */
    private static boolean failsOnEmptyInput(SimpleCommand c) {
        String prog = c.program();
        switch (prog) {
            case "grep", "egrep", "fgrep" -> {
                return true;
            }
            case "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "md5sum", "b2sum" -> {
                return Commands.hasOption(c, "-c", "--check");
            }
            case "apt-key" -> {
                return c.args().contains("add");
            }
            case "gpg", "gpg2" -> {
                return Commands.hasOption(c, "--import", "--verify", "--decrypt", "-d");
            }
            case "tar" -> {
                return Commands.hasOption(c, "-z", "-j", "-J", "--gzip", "--gunzip", "--bzip2", "--xz", "--zstd",
                        "--lzma", "-I", "--use-compress-program") || tarClusterDecompresses(c);
            }
            default -> {
                return false;
            }
        }
    }

    /** Old-style tar clusters without a dash: {@code tar xzf -}. */
    private static boolean tarClusterDecompresses(SimpleCommand c) {
        List<String> args = c.args();
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return false;
        }
        String first = args.get(0);
        return first.matches("[A-Za-z]+") && (first.contains("z") || first.contains("j") || first.contains("J"));
    }
}
