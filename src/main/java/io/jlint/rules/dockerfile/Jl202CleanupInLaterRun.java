package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A RUN that removes a package cache or a downloaded file that an earlier RUN left in its own layer: the files are
 * hidden, not gone, and the image is as big as before. Reported at the cleaning RUN, naming the earlier one.
 */
@AutoService(Rule.class)
@RuleInfo(id = "JL202", name = "cleanup-in-later-run", category = Category.UNMERGED_RUN, severity = Severity.WARNING,
        summary = "A RUN cleans up caches or downloads that an earlier RUN left in its own layer")
public final class Jl202CleanupInLaterRun implements Rule<Dockerfile> {

    private static final Set<String> CLEANUP_PROGRAMS = Set.of("rm", "find", "set", "true", ":", "echo");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheChain chain = CacheChain.of(df, ctx);
        for (RunFacts run : chain.runs) {
            List<CacheChain.LateCleanup> lcs = chain.lateCleanupsIn(run);
            if (lcs.isEmpty()) {
                continue;
            }
            // one clause per (earlier RUN, what): the cleanup as written, or the one the earlier RUN needs
            Map<String, String> clauses = new LinkedHashMap<>();
            for (CacheChain.LateCleanup lc : lcs) {
                int line = lc.earlier().run().line();
                String what;
                String fix;
                if (lc.cache() != null) {
                    boolean aptClean = lc.cache() == PackageCache.APT_LISTS && !lc.exact();
                    what = lc.cache().description();
                    fix = aptClean ? "rm -rf /var/lib/apt/lists/*" : text(df, lc.cleanup(), lc.cache());
                    String key = line + "|" + what;
                    if (!clauses.containsKey(key)) {
                        clauses.put(key, (aptClean ? "`" + text(df, lc.cleanup(), null) + "` here cannot shrink the"
                                + " layer of the RUN at line " + line + ", which keeps " + what
                                + ": end that RUN with `&& " + fix + "`"
                                : "this RUN removes " + what + " that the RUN at line " + line + " left in its own"
                                + " layer, so the image does not get smaller: move `" + fix + "` to the end of the RUN"
                                + " at line " + line));
                    }
                } else {
                    String key = line + "|file";
                    String prev = clauses.get(key);
                    String file = "`" + lc.downloadedFile() + "`";
                    if (prev == null) {
                        clauses.put(key, "this RUN removes " + file + ", which the RUN at line " + line
                                + " downloaded and whose layer keeps it: remove it at the end of the RUN at line "
                                + line + " instead");
                    } else if (!prev.contains(file)) {
                        clauses.put(key, prev.replace(" which the RUN", " and " + file + ", which the RUN")
                                .replace("removes `", "removes `").replace(" whose layer keeps it", " whose layer"
                                + " keeps them").replace("remove it at", "remove them at"));
                    }
                }
            }
            String msg = String.join("; ", clauses.values());
            if (cleanupOnly(run)) {
                msg += ", and delete this RUN";
            }
            out.report(run.run().span(), msg);
        }
    }

    private static boolean cleanupOnly(RunFacts run) {
        for (SimpleCommand c : run.commands()) {
            if (c.words().isEmpty()) {
                continue;
            }
            if (CLEANUP_PROGRAMS.contains(c.program())) {
                continue;
            }
            var inv = PackageManagers.invocation(c);
            if (inv.isPresent() && (inv.get().action() == PackageManagers.Action.CLEAN
                    || inv.get().action() == PackageManagers.Action.REMOVE)) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static String text(Dockerfile df, SimpleCommand c, PackageCache fallback) {
        Span sp = c.span();
        String t = null;
        if (sp.startOffset() >= 0 && sp.endOffset() <= df.source().length() && sp.endOffset() > sp.startOffset()) {
            t = df.source().substring(sp.startOffset(), sp.endOffset())
                    .replaceAll("\\\\\\r?\\n", " ").replaceAll("\\s+", " ").trim();
        }
        if (t == null || t.isEmpty() || t.length() > 70) {
            return fallback != null ? fallback.cleanup() : String.join(" ", c.words().stream().map(w -> w.value())
                    .limit(4).toList());
        }
        return t;
    }
}
