package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.Commands;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.Set;

/**
 * {@code useradd -u 123456} without {@code -l}: useradd writes the new user's slot in the sparse
 * {@code /var/log/lastlog} and {@code faillog}, which a layer stores in full: hundreds of MB for a large UID.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL814", name = "useradd-high-uid-without-no-log-init", category = Category.IMAGE_SIZE,
        severity = Severity.WARNING,
        summary = "useradd with a UID above 99999 and without -l/--no-log-init bloats the layer with lastlog",
        equivalents = {"hadolint:DL3046"})
public final class Jl814UseraddHighUidWithoutNoLogInit implements Rule<Dockerfile> {

    private static final long THRESHOLD = 99_999L;

    /** useradd options that take a value (so that their value is not read as an option cluster). */
    private static final Set<String> TAKES_VALUE = Set.of("-b", "--base-dir", "-c", "--comment", "-d", "--home-dir",
            "-e", "--expiredate", "-f", "--inactive", "-g", "--gid", "-G", "--groups", "-k", "--skel", "-K",
            "--key", "-p", "--password", "-R", "--root", "-P", "--prefix", "-s", "--shell", "-u", "--uid", "-Z",
            "--selinux-user", "--btrfs-subvolume-home");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            if (!(in instanceof Instruction.Run run) || run.command() == null || !run.command().posixShell()) {
                continue;
            }
            String hit = null;
            for (ShellScript script : run.command().scripts()) {
                for (SimpleCommand c : Commands.allCommands(script)) {
                    SimpleCommand u = Commands.unwrap(c);
                    if (!u.program().equals("useradd")) {
                        continue;
                    }
                    String uid = Commands.optionValue(u, TAKES_VALUE, "-u", "--uid");
                    if (uid == null || !uid.matches("\\d{1,12}") || Long.parseLong(uid) <= THRESHOLD) {
                        continue;
                    }
                    if (Commands.hasOption(u, TAKES_VALUE, "-l", "--no-log-init")) {
                        continue;
                    }
                    hit = uid;
                    break;
                }
                if (hit != null) {
                    break;
                }
            }
            if (hit != null) {
                out.report(run.span(), "useradd -u " + hit + " without -l writes that UID's entry into the sparse "
                        + "files /var/log/lastlog and /var/log/faillog, and the layer stores them in full (about "
                        + Math.max(1, Long.parseLong(hit) * 292 / 1_000_000) + " MB of zeros); add -l "
                        + "(--no-log-init)");
            }
        }
    }
}
