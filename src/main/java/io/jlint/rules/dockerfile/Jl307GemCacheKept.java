package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.PackageCache;
import io.jlint.rules.dockerfile.support.PackageManagers;
import io.jlint.rules.dockerfile.support.RunFacts;
import java.util.List;

/**
 * {@code gem install}/{@code update} or {@code bundle install} in a layer that reaches the image: RubyGems keeps
 * every installed {@code .gem} archive in the cache directory of the gem home it installs to, next to the unpacked
 * gem, and no subcommand removes it.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL307", name = "gem-cache-kept", category = Category.MISSING_CLEANUP, severity = Severity.WARNING,
        summary = "gem install / bundle install keeps every downloaded .gem archive in the gem cache of the layer",
        equivalents = {})
public final class Jl307GemCacheKept extends CacheLeftRule {

    @Override
    boolean concerns(PackageCache cache) {
        return cache == PackageCache.GEM;
    }

    @Override
    String message(RunFacts run, List<RunFacts.FillAt> left) {
        PackageManagers.Invocation inv = left.get(0).fill().invocation();
        boolean bundlePath = false;
        for (RunFacts.FillAt f : left) {
            bundlePath |= f.fill().invocation().manager() == PackageManagers.Manager.BUNDLER
                    && f.fill().paths().get(0).endsWith("/ruby/x/cache");
        }
        String where = bundlePath ? "the bundle path's gem cache (`$BUNDLE_PATH/ruby/<version>/cache`)"
                : "the gem cache (`$GEM_HOME/cache`, /usr/local/bundle/cache in the ruby images)";
        String fix = bundlePath ? "rm -rf \"$BUNDLE_PATH\"/ruby/*/cache" : "rm -rf \"$(gem env gemdir)\"/cache";
        return "`" + CacheChain.shortText(inv) + "`" + CacheChain.at(run, inv.command()) + (left.size() > 1
                ? " and " + (left.size() - 1) + " more install" + (left.size() > 2 ? "s" : "") + " in this RUN keep"
                : " keeps") + " a copy of every installed .gem archive in " + where + " in this layer: add `&& "
                + fix + "` at the end of this RUN";
    }
}
