package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Mount;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;
import java.util.Set;

/**
 * {@code RUN cd /dir} on its own (the change is lost when the RUN ends), or a RUN that starts with
 * {@code cd /dir && …} where a WORKDIR says the same thing once. A {@code cd} in the middle of a longer script, into
 * a temporary directory, a configuration directory under /etc, a mount of the RUN, or into a directory the script
 * removes, is left alone.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL903", name = "cd-instead-of-workdir", category = Category.MAINTAINABILITY,
        severity = Severity.STYLE,
        summary = "A RUN starts with cd DIR && …, or only runs cd, where WORKDIR DIR says it once and lasts",
        equivalents = {"hadolint:DL3003", "trivy:DS013"})
public final class Jl903CdInsteadOfWorkdir implements Rule<Dockerfile> {

    private static final Set<String> TEMP_PREFIXES = Set.of("/tmp", "/var/tmp", "/dev/shm", "/run");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Run run) || run.command() == null || run.command().execForm()
                    || !run.command().posixShell() || !run.node().heredocs().isEmpty()
                    || run.command().scripts().size() != 1) {
                continue;
            }
            ShellScript script = run.command().scripts().get(0);
            if (!script.complete() || script.root() == null) {
                continue;
            }
            String message = judge(script, run);
            if (message != null) {
                out.report(run.span(), message);
            }
        }
    }

    private static String judge(ShellScript script, Instruction.Run run) {
        ShellNode root = script.root();
        if (root instanceof SimpleCommand only && isCd(only)) {
            String dir = cdTarget(only);
            return "RUN " + (dir == null ? "cd" : "cd " + dir) + " changes the directory of a shell that ends with "
                    + "this RUN, so later instructions do not run there; write WORKDIR "
                    + (dir == null ? "<dir>" : dir) + " instead";
        }
        if (!(root instanceof ShellNode.AndOrList list) || list.elements().size() < 2) {
            return null;
        }
        for (String op : list.operators()) {
            if (!op.equals("&&")) {
                return null;
            }
        }
        if (!(list.elements().get(0) instanceof SimpleCommand first) || !isCd(first)) {
            return null;
        }
        String dir = cdTarget(first);
        if (dir == null || !dir.startsWith("/") || isTemp(dir) || dir.equals("/etc") || dir.startsWith("/etc/")
                || dir.equals("/")) {
            return null;
        }
        for (Mount m : run.mounts()) {
            String t = m.target();
            if (t != null && (dir.equals(t) || dir.startsWith(t.endsWith("/") ? t : t + "/"))) {
                return null; // a mount of this RUN only: a WORKDIR would create an empty directory in the image
            }
        }
        List<SimpleCommand> all = Commands.allCommands(script);
        for (SimpleCommand c : all) {
            if (c != first && isCd(c)) {
                return null;
            }
            if (c.program().equals("rm") && removes(c, dir)) {
                return null;
            }
        }
        return "this RUN starts with cd " + dir + " && …; a WORKDIR " + dir + " before it says the same once, "
                + "creates the directory and also applies to later RUN, COPY and CMD; write WORKDIR " + dir
                + " and drop the cd";
    }

    private static boolean isCd(SimpleCommand c) {
        return c.program().equals("cd") && !c.inSubstitution();
    }

    /** The literal directory of {@code cd DIR}, or null (no operand, options, several, or not literal). */
    private static String cdTarget(SimpleCommand cd) {
        List<Word> words = cd.words();
        if (words.size() != 2 || !words.get(1).literal()) {
            return null;
        }
        String d = words.get(1).value();
        if (d.isEmpty() || d.startsWith("-") || d.startsWith("~")) {
            return null;
        }
        return d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }

    private static boolean isTemp(String dir) {
        for (String p : TEMP_PREFIXES) {
            if (dir.equals(p) || dir.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code rm} removes {@code dir} or a directory containing it. */
    private static boolean removes(SimpleCommand rm, String dir) {
        for (String op : Commands.operands(rm, Set.of())) {
            String o = op.endsWith("/") && op.length() > 1 ? op.substring(0, op.length() - 1) : op;
            if (dir.equals(o) || dir.startsWith(o + "/")) {
                return true;
            }
        }
        return false;
    }
}
