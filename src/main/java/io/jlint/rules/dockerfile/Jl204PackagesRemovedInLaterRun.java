package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.PackageManagers.Action;
import io.jlint.rules.dockerfile.support.PackageManagers.Invocation;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A RUN that removes system packages (build dependencies, an {@code apk add --virtual} group, a downloader) that an
 * earlier RUN installed: their files stay in the earlier RUN's layer, so the removal hides them without making the
 * image smaller. Only RUNs whose layers reach the built image; only packages named literally in both commands and
 * installed by the same package-manager family. Reported at the removing RUN, naming the installing one.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL204", name = "packages-removed-in-later-run", category = Category.UNMERGED_RUN,
        severity = Severity.WARNING,
        summary = "A RUN removes packages that an earlier RUN installed, which leaves their files in the earlier layer",
        equivalents = {})
public final class Jl204PackagesRemovedInLaterRun implements Rule<Dockerfile> {

    /** Where a package was installed: the RUN and the install command. */
    private record Installed(RunFacts run, Invocation install) {
    }

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        CacheChain chain = CacheChain.of(df, ctx);
        Map<String, Installed> installed = new HashMap<>();
        for (RunFacts run : chain.runs) {
            if (!run.analysable()) {
                continue;
            }
            Map<String, Installed> here = new HashMap<>();
            // package name -> the earlier RUN that installed it, for the removals of this RUN
            Map<String, Installed> removed = new LinkedHashMap<>();
            String removal = null;
            for (SimpleCommand c : run.commands()) {
                Optional<Invocation> o = PackageManagers.invocation(c);
                if (o.isEmpty() || !o.get().manager().system()) {
                    continue;
                }
                Invocation inv = o.get();
                if (inv.action() == Action.INSTALL) {
                    for (String name : names(inv)) {
                        here.put(key(inv, name), new Installed(run, inv));
                    }
                } else if (inv.action() == Action.REMOVE) {
                    for (Word w : inv.operands()) {
                        if (!w.literal()) {
                            continue;
                        }
                        String k = key(inv, name(w.value()));
                        Installed earlier = installed.get(k);
                        if (earlier != null && !here.containsKey(k) && !removed.containsKey(k)) {
                            removed.put(k, earlier);
                            if (removal == null) {
                                removal = CacheChain.shortText(inv);
                            }
                        }
                    }
                }
            }
            if (!removed.isEmpty()) {
                report(run, removed, removal, out);
            }
            installed.putAll(here);
        }
    }

    private static void report(RunFacts run, Map<String, Installed> removed, String removal, FindingSink out) {
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Installed first = null;
        for (Map.Entry<String, Installed> e : removed.entrySet()) {
            names.add(e.getKey().substring(e.getKey().indexOf(' ') + 1));
            int line = e.getValue().run().run().line();
            if (!lines.contains(line)) {
                lines.add(line);
            }
            if (first == null) {
                first = e.getValue();
            }
        }
        List<String> shown = names.size() > 4 ? names.subList(0, 3) : names;
        String what = shown.size() == 1 ? shown.get(0) : String.join(", ", shown.subList(0, shown.size() - 1))
                + (names.size() > shown.size() ? ", " + shown.get(shown.size() - 1) + " and "
                + (names.size() - shown.size()) + " more" : " and " + shown.get(shown.size() - 1));
        String where = lines.size() == 1 ? "the RUN at line " + lines.get(0) : "the RUNs at " + CacheChain.lines(
                lines.stream().sorted().toList());
        out.report(run.run().span(), "this RUN removes " + what + " (`" + removal + " …`), which " + where
                + " installed: the files stay in " + (lines.size() == 1 ? "that layer" : "those layers") + ", so the"
                + " image does not get smaller; install, use and remove them in one RUN (move `"
                + CacheChain.shortText(first.install()) + " …` into this RUN)");
    }

    /** The package names an install adds, plus the virtual package name of {@code apk add --virtual NAME}. */
    private static List<String> names(Invocation inv) {
        List<String> out = new ArrayList<>();
        for (Word w : inv.operands()) {
            String v = w.value();
            if (w.literal() && !v.contains("/") && !v.endsWith(".deb") && !v.endsWith(".rpm") && !v.endsWith(".apk")) {
                out.add(name(v)); // not a package file (./x.deb, /tmp/x.rpm)
            }
        }
        if (inv.manager() == PackageManagers.Manager.APK) {
            String virtual = inv.optionValue("--virtual", "-t");
            if (virtual != null) {
                out.add(virtual);
            }
        }
        return out;
    }

    /** The package name of an operand: without version ({@code =1.2}, {@code >1}, {@code ~1}), release or arch. */
    private static String name(String operand) {
        int cut = operand.length();
        for (char c : new char[]{'=', '<', '>', '~', '/', ':'}) {
            int i = operand.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return operand.substring(0, cut);
    }

    /** The family and the name: apt and rpm tools share their package databases within the family. */
    private static String key(Invocation inv, String name) {
        PackageManagers.Manager m = inv.manager();
        String family = m.apt() ? "apt" : m.rpm() ? "rpm" : m.command();
        return family + " " + name;
    }
}
