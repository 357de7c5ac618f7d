package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.Stage;
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
import io.jlint.rules.dockerfile.support.PackageManagers;
import java.util.List;
import java.util.Set;

/**
 * A script fetched over the network and run unseen: {@code curl … | sh}, {@code wget -qO- … | sudo bash},
 * {@code sh -c "$(curl …)"}, {@code bash <(curl …)}.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL856", name = "pipe-download-to-shell", category = Category.SECURITY, severity = Severity.WARNING,
        summary = "A script downloaded with curl/wget is piped straight into a shell, unverified")
public final class Jl856CurlPipeShell implements Rule<Dockerfile> {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Stage s : df.stages()) {
            if (io.jlint.rules.dockerfile.support.RunFacts.windows(df, s)) {
                continue;
            }
            for (Instruction in : s.instructions()) {
                if (in instanceof Instruction.Run run && !run.command().execForm() && run.command().posixShell()) {
                    String what = find(run);
                    if (what != null) {
                        out.report(run.span(), "`" + what + "` runs whatever the server sends at build time, with"
                                + " nothing checked: download the script to a file, verify its checksum or signature"
                                + " (or pin a release), then run it");
                    }
                }
            }
        }
    }

    private static String find(Instruction.Run run) {
        for (ShellScript top : run.command().scripts()) {
            String w = find(top, 0);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static String find(ShellScript script, int depth) {
        for (ShellNode.Pipeline p : Commands.pipelines(script)) {
            List<ShellNode> els = p.elements();
            for (int i = 0; i + 1 < els.size(); i++) {
                if (!(els.get(i) instanceof SimpleCommand dl) || downloader(dl) == null) {
                    continue;
                }
                for (int j = i + 1; j < els.size(); j++) {
                    if (els.get(j) instanceof SimpleCommand sh && readsScriptFromStdin(sh)) {
                        return downloader(dl) + " … | " + PackageManagers.base(Commands.unwrap(sh).program());
                    }
                }
            }
        }
        for (SimpleCommand c : script.commands()) {
            SimpleCommand u = Commands.unwrap(c);
            if (!SHELLS.contains(u.program())) {
                continue;
            }
            for (Word w : u.words()) {
                String v = w.raw();
                if (v.contains("$(curl ") || v.contains("$(wget ") || v.contains("`curl ") || v.contains("`wget ")) {
                    return u.program() + " -c \"$(" + (v.contains("curl") ? "curl" : "wget") + " …)\"";
                }
                if (v.startsWith("<(curl ") || v.startsWith("<(wget ")) {
                    return u.program() + " <(" + (v.contains("curl") ? "curl" : "wget") + " …)";
                }
            }
            if (depth < 4) {
                for (ShellScript nested : Commands.nestedScripts(script, c)) {
                    String w = find(nested, depth + 1);
                    if (w != null) {
                        return w;
                    }
                }
            }
        }
        return null;
    }

    /** "curl" or "wget" when the command downloads to standard output, else null. */
    private static String downloader(SimpleCommand c) {
        SimpleCommand u = Commands.unwrap(c);
        String p = u.program();
        if (p.equals("curl")) {
            return Commands.optionValue(u, Set.of("-o", "--output"), "-o", "--output") == null
                    && !Commands.hasOption(u, Set.of("-o", "--output"), "-O", "--remote-name") ? "curl" : null;
        }
        if (p.equals("wget")) {
            String doc = Commands.optionValue(u, Set.of("-O", "--output-document", "-o", "-P", "-U", "-t", "-T",
                    "--header", "--user-agent"), "-O", "--output-document");
            return "-".equals(doc) || "/dev/stdout".equals(doc) ? "wget" : null;
        }
        return null;
    }

    /** A shell that reads its script from standard input: no operand, or {@code -s}; not {@code -c}. */
    private static boolean readsScriptFromStdin(SimpleCommand c) {
        SimpleCommand u = Commands.unwrap(c);
        if (!SHELLS.contains(u.program())) {
            return false;
        }
        List<Word> ws = u.words();
        for (int i = 1; i < ws.size(); i++) {
            String v = ws.get(i).value();
            if (v.equals("-") || v.equals("--")) {
                return true;
            }
            if (v.startsWith("-") || v.startsWith("+")) {
                if (!v.startsWith("--") && v.indexOf('c') > 0) {
                    return false;
                }
                if (v.equals("-o") || v.equals("+o")) {
                    i++;
                }
                continue;
            }
            return false; // runs a script file
        }
        return true;
    }
}
