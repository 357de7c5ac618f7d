package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edits;
import io.jlint.fix.FixAttempt;
import io.jlint.rules.dockerfile.support.Downloads;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * An archive or package downloaded with curl/wget and unpacked or installed (tar, unzip, 7z, dpkg -i, rpm -i,
 * apt-get install ./x.deb) in the same RUN, and never removed: its bytes stay in the layer next to what was
 * unpacked from it.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL306", name = "downloaded-archive-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "An archive downloaded and unpacked in a RUN is not removed in that RUN",
        fixable = true)
public final class Jl306DownloadKept implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheChain chain = CacheChain.of(df, ctx);
        for (RunFacts run : chain.runs) {
            if (!run.analysable()) {
                continue;
            }
            List<RunFacts.DownloadAt> left = new ArrayList<>();
            for (RunFacts.DownloadAt d : run.downloads()) {
                if (d.leftUnpacked() && !chain.removedLater(run, d)
                        && left.stream().noneMatch(o -> o.download().path().equals(d.download().path()))) {
                    left.add(d);
                }
            }
            if (left.isEmpty()) {
                continue;
            }
            Downloads.Download d = left.get(0).download();
            SimpleCommand dl = d.command();
            String tool = dl.program();
            StringBuilder files = new StringBuilder("`" + d.written() + "`");
            StringBuilder rm = new StringBuilder(d.written());
            for (int i = 1; i < left.size(); i++) {
                files.append(i == left.size() - 1 ? " and `" : ", `").append(left.get(i).download().written())
                        .append('`');
                rm.append(' ').append(left.get(i).download().written());
            }
            String p = d.path().toLowerCase(java.util.Locale.ROOT);
            String used = p.endsWith(".deb") || p.endsWith(".rpm") || p.endsWith(".apk") ? "installed" : "unpacked";
            FixAttempt fix = removeDownloads(df, chain, run, left);
            out.report(run.run().span(), fix.message(files + ", downloaded by " + tool + CacheChain.at(run, dl)
                    + " and " + used + ", " + (left.size() > 1 ? "stay" : "stays")
                    + " in this layer next to what was " + used + " from it: add `&& rm -f " + rm
                    + "` after " + (used.equals("installed") ? "installing" : "unpacking")
                    + (used.equals("installed") ? "" : ", or stream the download into the unpacker")), fix.fix());
        }
    }

    private static final java.util.regex.Pattern PLAIN_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9._/+@%:=,-]+");

    /**
     * {@code && rm -f FILE…} at the end of the RUN, when each file name is plain (no variables or quoting) and no
     * later instruction mentions it (a later RUN or COPY may still use the archive).
     */
    private static FixAttempt removeDownloads(Dockerfile df, CacheChain chain, RunFacts run,
                                              List<RunFacts.DownloadAt> left) {
        StringBuilder rm = new StringBuilder("rm -f");
        for (RunFacts.DownloadAt d : left) {
            String w = d.download().written();
            if (w == null || !PLAIN_PATH.matcher(w).matches()) {
                return FixAttempt.refused("the file name `" + w + "` is not a plain path");
            }
            if (!w.startsWith("/") && run.commands().stream().anyMatch(c -> c.program().equals("cd")
                    || c.program().equals("pushd"))) {
                return FixAttempt.refused("the RUN changes directory, so the relative path " + w + " may point"
                        + " elsewhere at its end");
            }
            String base = w.substring(w.lastIndexOf('/') + 1);
            boolean after = false;
            for (Instruction in : df.instructions()) {
                if (in == run.run()) {
                    after = true;
                    continue;
                }
                if (after && in.node().original().contains(base)) {
                    return FixAttempt.refused("the instruction at line " + in.line() + " mentions " + base);
                }
            }
            rm.append(' ').append(w);
        }
        return Edits.appendCommand(df, run.run(), rm.toString(), "add `&& " + rm + "` at the end of the RUN");
    }
}
