package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
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
@RuleInfo(id = "JL306", name = "downloaded-archive-kept", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "An archive downloaded and unpacked in a RUN is not removed in that RUN")
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
            out.report(run.run().span(), files + ", downloaded by " + tool + CacheChain.at(run, dl)
                    + " and " + used + ", " + (left.size() > 1 ? "stay" : "stays")
                    + " in this layer next to what was " + used + " from it: add `&& rm -f " + rm
                    + "` after " + (used.equals("installed") ? "installing" : "unpacking")
                    + (used.equals("installed") ? "" : ", or stream the download into the unpacker"));
        }
    }
}
