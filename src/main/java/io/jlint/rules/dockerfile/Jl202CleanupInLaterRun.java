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
            // one clause per kind of thing cleaned: exact cleanups first, so that a RUN with
            // `apt-get clean && rm -rf /var/lib/apt/lists/*` is described by the removal of the lists
            List<CacheChain.LateCleanup> ordered = new ArrayList<>(lcs);
            ordered.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
            Map<String, List<CacheChain.LateCleanup>> groups = new LinkedHashMap<>();
            for (CacheChain.LateCleanup lc : ordered) {
                String key = lc.cache() != null ? (lc.cache().sameFamily(PackageCache.APT_LISTS) ? "apt"
                        : lc.cache().name()) : "file";
                List<CacheChain.LateCleanup> g = groups.computeIfAbsent(key, k -> new ArrayList<>());
                if (g.stream().noneMatch(o -> o.earlier() == lc.earlier() && java.util.Objects.equals(
                        o.downloadedFile(), lc.downloadedFile()))) {
                    g.add(lc);
                }
            }
            List<String> clauses = new ArrayList<>();
            for (List<CacheChain.LateCleanup> g : groups.values()) {
                clauses.add(clause(df, chain, run, g));
            }
            String msg = String.join("; ", clauses);
            if (cleanupOnly(run)) {
                msg += ", and delete this RUN";
            }
            out.report(run.run().span(), msg);
        }
    }

    private static String clause(Dockerfile df, CacheChain chain, RunFacts run, List<CacheChain.LateCleanup> g) {
        CacheChain.LateCleanup first = g.get(0);
        List<Integer> lines = g.stream().map(lc -> lc.earlier().run().line()).distinct().sorted().toList();
        String where = lines.size() == 1 ? "the RUN at line " + lines.get(0)
                : "the RUNs at " + CacheChain.lines(lines);
        String layers = lines.size() == 1 ? "its own layer" : "their own layers";
        String each = lines.size() == 1 ? "the RUN at line " + lines.get(0) : "each of those RUNs";
        if (first.cache() == null) {
            List<String> files = g.stream().map(lc -> "`" + lc.downloadedFile() + "`").distinct().toList();
            String names = files.size() == 1 ? files.get(0) : String.join(", ", files.subList(0, files.size() - 1))
                    + " and " + files.get(files.size() - 1);
            return "this RUN removes " + names + ", which " + where + " downloaded and left in " + layers
                    + ", so the image does not get smaller: remove " + (files.size() == 1 ? "it" : "them")
                    + " at the end of " + each + " instead";
        }
        String what = first.cache().description();
        boolean aptCleanOnly = first.cache().sameFamily(PackageCache.APT_LISTS) && !first.exact();
        String fix = aptCleanOnly ? "rm -rf /var/lib/apt/lists/*"
                : first.cache().sameFamily(PackageCache.APT_LISTS) ? "rm -rf /var/lib/apt/lists/*"
                : text(df, first.cleanup(), first.cache());
        if (lines.size() == 1 && CacheChain.indexUpdateOnly(first.earlier())) {
            PackageManagers.Invocation install = null;
            int installLine = -1;
            for (RunFacts between : chain.runs) {
                if (between.run().line() > lines.get(0) && between.run().line() < run.run().line()) {
                    for (String fam : CacheChain.indexFamilies(first.earlier())) {
                        PackageManagers.Invocation inv = CacheChain.installOf(between, fam);
                        if (inv != null && install == null) {
                            install = inv;
                            installLine = between.run().line();
                        }
                    }
                }
            }
            if (install != null) {
                return "this RUN removes " + what + " that the RUN at line " + lines.get(0) + " left in its own"
                        + " layer, so the image does not get smaller: refresh the index, install and clean up in one"
                        + " RUN (`" + updateOf(first.earlier()) + " && " + CacheChain.shortText(install) + " … && "
                        + fix + "` at line " + installLine + ") and delete the RUN at line " + lines.get(0);
            }
        }
        if (aptCleanOnly) {
            return "`" + text(df, first.cleanup(), null) + "` here cannot shrink the layer of " + where
                    + ", which " + (lines.size() == 1 ? "keeps " : "keep ") + what + ": end " + each + " with `&& "
                    + fix + "`";
        }
        return "this RUN removes " + what + " that " + where + " left in " + layers + ", so the image does not get"
                + " smaller: move `" + fix + "` to the end of " + each;
    }

    private static String updateOf(RunFacts run) {
        for (SimpleCommand c : run.commands()) {
            var inv = PackageManagers.invocation(c);
            if (inv.isPresent() && inv.get().action() == PackageManagers.Action.UPDATE_INDEX) {
                return CacheChain.shortText(inv.get());
            }
        }
        return "update";
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
            if (inv.isPresent() && inv.get().action() == PackageManagers.Action.CLEAN) {
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
