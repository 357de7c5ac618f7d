package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Span;
import io.jlint.dockerfile.shell.ShellNode;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.fix.Edit;
import io.jlint.fix.Fix;
import io.jlint.fix.FixAttempt;
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
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL202", name = "cleanup-in-later-run", category = Category.UNMERGED_RUN, severity = Severity.WARNING,
        summary = "A RUN cleans up caches or downloads that an earlier RUN left in its own layer",
        fixable = true)
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
            FixAttempt fix = move(df, chain, run, lcs);
            out.report(run.run().span(), fix.message(msg), fix.fix());
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

    /**
     * Moves each late cleanup command to the end of the RUN(s) whose files it removes and takes it out of this RUN
     * (the whole RUN goes when nothing else is left in it). Refused when a RUN in between still uses what is
     * removed, when the command is not one of the RUN's own top-level commands on one line, or when taking it out
     * of this RUN is not a clean cut of an {@code &&} list.
     */
    private static FixAttempt move(Dockerfile df, CacheChain chain, RunFacts run, List<CacheChain.LateCleanup> lcs) {
        Map<SimpleCommand, List<RunFacts>> targets = new LinkedHashMap<>();
        for (CacheChain.LateCleanup lc : lcs) {
            if (lc.cache() != null && lc.cache().sameFamily(PackageCache.APT_LISTS) && !lc.exact()) {
                return FixAttempt.refused("`" + text(df, lc.cleanup(), null) + "` does not remove the package lists;"
                        + " add `rm -rf /var/lib/apt/lists/*` to the RUN at line " + lc.earlier().run().line());
            }
            List<RunFacts> t = targets.computeIfAbsent(lc.cleanup(), k -> new ArrayList<>());
            if (!t.contains(lc.earlier())) {
                t.add(lc.earlier());
            }
            String conflict = usedBetween(df, chain, lc);
            if (conflict != null) {
                return FixAttempt.refused(conflict);
            }
        }
        List<Edit> edits = new ArrayList<>();
        for (Map.Entry<SimpleCommand, List<RunFacts>> e : targets.entrySet()) {
            SimpleCommand c = e.getKey();
            if (!CacheFixes.topLevel(run.run(), c) || c.inSubstitution()) {
                return FixAttempt.refused("the cleanup runs inside a nested shell script or substitution");
            }
            String cmd = df.source().substring(c.span().startOffset(), c.span().endOffset());
            if (cmd.indexOf('\n') >= 0 || cmd.indexOf(df.escape()) >= 0 && cmd.indexOf(df.escape()) == cmd.length() - 1) {
                return FixAttempt.refused("the cleanup command is written over several lines");
            }
            for (RunFacts earlier : e.getValue()) {
                FixAttempt a = io.jlint.fix.Edits.appendCommand(df, earlier.run(), cmd, "");
                if (!a.fixed()) {
                    return FixAttempt.refused("the RUN at line " + earlier.run().line() + " cannot take it: "
                            + a.refusal());
                }
                edits.addAll(a.fix().edits());
            }
        }
        Object removal = removal(df, run, targets.keySet());
        if (removal instanceof String why) {
            return FixAttempt.refused(why);
        }
        edits.add((Edit) removal);
        List<Integer> lines = targets.values().stream().flatMap(List::stream).map(r -> r.run().line()).distinct()
                .sorted().toList();
        return FixAttempt.of(new Fix("move the cleanup to the end of the RUN" + (lines.size() == 1 ? " at line "
                + lines.get(0) : "s at " + CacheChain.lines(lines)), edits));
    }

    /** Why moving the cleanup earlier would break a RUN in between, or null. */
    private static String usedBetween(Dockerfile df, CacheChain chain, CacheChain.LateCleanup lc) {
        boolean between = false;
        for (RunFacts r : chain.runs) {
            if (r == lc.earlier()) {
                between = true;
                continue;
            }
            if (r == lc.later()) {
                break;
            }
            if (!between) {
                continue;
            }
            if (lc.downloadedFile() != null) {
                String f = lc.downloadedFile();
                String base = f.substring(f.lastIndexOf('/') + 1);
                if (r.run().node().original().contains(base)) {
                    return "the RUN at line " + r.run().line() + " in between uses " + base;
                }
            } else {
                for (SimpleCommand c : r.commands()) {
                    var inv = PackageManagers.invocation(c);
                    if (inv.isPresent() && inv.get().manager().system() == isSystem(lc.cache())) {
                        return "the RUN at line " + r.run().line() + " in between runs "
                                + CacheChain.shortText(inv.get()) + ", which may use the cache";
                    }
                }
            }
        }
        return null;
    }

    private static boolean isSystem(PackageCache cache) {
        return cache.sameFamily(PackageCache.APT_LISTS) || cache == PackageCache.APK || cache == PackageCache.RPM
                || cache == PackageCache.ZYPPER;
    }

    private static final String NOT_A_CLEAN_CUT = "the cleanup cannot be cut cleanly out of this RUN (it is not"
            + " part of a plain `&&` list)";

    /** The edit that takes {@code moved} out of the RUN, or the reason it is not a clean cut. */
    private static Object removal(Dockerfile df, RunFacts run, java.util.Set<SimpleCommand> moved) {
        List<SimpleCommand> own = new ArrayList<>();
        for (ShellScript s : run.run().command().scripts()) {
            for (SimpleCommand c : s.commands()) {
                if (!c.words().isEmpty() || !c.assignments().isEmpty()) {
                    own.add(c);
                }
            }
        }
        if (moved.containsAll(own) && run.run().command().scripts().size() == 1) {
            return io.jlint.fix.Edits.deleteInstruction(df, run.run());
        }
        if (run.run().command().scripts().size() != 1) {
            return NOT_A_CLEAN_CUT;
        }
        ShellNode root = run.run().command().scripts().get(0).root();
        if (!(root instanceof ShellNode.AndOrList list) || list.operators().stream().anyMatch(o -> !o.equals("&&"))) {
            return NOT_A_CLEAN_CUT;
        }
        List<ShellNode> el = list.elements();
        int a = -1;
        int b = -1;
        for (int i = 0; i < el.size(); i++) {
            ShellNode n = el.get(i);
            if (n instanceof ShellNode.Pipeline p && p.elements().size() == 1) {
                n = p.elements().get(0);
            }
            if (n instanceof SimpleCommand sc && moved.contains(sc)) {
                if (a < 0) {
                    a = i;
                } else if (b != i - 1) {
                    return NOT_A_CLEAN_CUT;
                }
                b = i;
            }
        }
        if (a < 0 || b - a + 1 != moved.size()) {
            return NOT_A_CLEAN_CUT;
        }
        int start;
        int end;
        if (b < el.size() - 1) {
            start = el.get(a).span().startOffset();
            end = el.get(b + 1).span().startOffset();
        } else if (a > 0) {
            start = el.get(a - 1).span().endOffset();
            end = el.get(b).span().endOffset();
        } else {
            return NOT_A_CLEAN_CUT;
        }
        if (!io.jlint.fix.Edits.commentLines(df, start, end).isEmpty()) {
            return "a comment line sits between the cleanup and the rest of this RUN, and cutting the cleanup out"
                    + " would lose it";
        }
        return io.jlint.fix.Edits.delete(start, end);
    }
}
