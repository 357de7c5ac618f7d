package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageModel;
import io.jlint.image.LayerEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Package-manager caches and indexes left in the layer that downloaded them: apt lists, apt's package cache and
 * downloaded .debs, apk, yum, dnf and zypper caches, pip, npm and yarn caches. Judged per layer of the image's own
 * build (not the base image's), from the files each layer stores, whatever later layers do with them.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1301", name = "package-cache-in-layer", category = Category.MISSING_CLEANUP,
        severity = Severity.WARNING,
        summary = "A layer keeps the package-manager cache or index its step downloaded",
        equivalents = {"dockle:DKL-DI-0005"})
public final class Jl1301PackageCacheInLayer implements Rule<ImageModel> {

    /** Caches smaller than this are not worth a finding. */
    static final long MIN_BYTES = 64 * 1024;

    /** A kind of cache: how to name it, how to avoid it. */
    enum Cache {
        APT_LISTS("apt package lists", "remove them in the same RUN: … && rm -rf /var/lib/apt/lists/*"),
        APT_CACHE("apt's package cache and downloaded .deb files", "run apt-get clean in the same RUN"),
        APK("apk's package cache", "install with apk add --no-cache (and no apk update)"),
        YUM("yum's cache", "end the same RUN with yum clean all && rm -rf /var/cache/yum"),
        DNF("dnf's cache", "end the same RUN with dnf clean all"),
        ZYPPER("zypper's cache", "end the same RUN with zypper clean --all"),
        PIP("pip's download cache", "install with pip install --no-cache-dir"),
        NPM("npm's cache", "end the same RUN with npm cache clean --force, or use a cache mount"),
        YARN("yarn's cache", "end the same RUN with yarn cache clean, or use a cache mount");

        final String what;
        final String fix;

        Cache(String what, String fix) {
            this.what = what;
            this.fix = fix;
        }
    }

    /** Where a file's cache starts (the prefix reported), with its kind. */
    record Hit(Cache cache, String prefix) {
    }

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (int i = m.history().firstUserLayer(); i < m.layers().size(); i++) {
            Map<Hit, long[]> found = new LinkedHashMap<>();   // bytes, files, files gone from the final tree
            for (LayerEntry e : m.entries(i)) {
                if (!e.isRegularFile() || e.path() == null) {
                    continue;
                }
                Hit h = classify(e.path());
                if (h != null) {
                    long[] v = found.computeIfAbsent(h, k -> new long[3]);
                    v[0] += e.size();
                    v[1]++;
                    FileEntry now = m.tree().find(e.path());
                    if (now == null || now.layer() != i) {
                        v[2]++;
                    }
                }
            }
            for (Map.Entry<Hit, long[]> f : found.entrySet()) {
                long[] v = f.getValue();
                if (v[0] < MIN_BYTES) {
                    continue;
                }
                Cache c = f.getKey().cache();
                String later = v[2] == v[1] ? " (a later layer deletes them, which saves nothing)" : "";
                out.reportImage(i, f.getKey().prefix(), Layers.step(m, i) + " leaves " + Layers.human(v[0])
                        + " of " + c.what + " (" + v[1] + (v[1] == 1 ? " file" : " files") + ") in its layer"
                        + later + "; " + c.fix);
            }
        }
    }

    /** The cache a file belongs to, or null. */
    static Hit classify(String p) {
        if (p.startsWith("/var/lib/apt/lists/")) {
            String rest = p.substring("/var/lib/apt/lists/".length());
            return rest.equals("lock") || rest.startsWith("partial/") ? null
                    : new Hit(Cache.APT_LISTS, "/var/lib/apt/lists/");
        }
        if (p.startsWith("/var/cache/apt/")) {
            String rest = p.substring("/var/cache/apt/".length());
            if ((rest.indexOf('/') < 0 && rest.endsWith(".bin"))
                    || (rest.startsWith("archives/") && rest.endsWith(".deb") && !rest.startsWith("archives/partial/"))) {
                return new Hit(Cache.APT_CACHE, "/var/cache/apt/");
            }
            return null;
        }
        if (p.startsWith("/var/cache/apk/")) {
            return new Hit(Cache.APK, "/var/cache/apk/");
        }
        if (p.startsWith("/var/cache/yum/")) {
            return new Hit(Cache.YUM, "/var/cache/yum/");
        }
        if (p.startsWith("/var/cache/dnf/")) {
            return new Hit(Cache.DNF, "/var/cache/dnf/");
        }
        if (p.startsWith("/var/cache/zypp/")) {
            return new Hit(Cache.ZYPPER, "/var/cache/zypp/");
        }
        if (p.startsWith("/usr/local/share/.cache/yarn/")) {
            return new Hit(Cache.YARN, "/usr/local/share/.cache/yarn/");
        }
        Hit h = home(p, "/.cache/pip/", Cache.PIP);
        if (h == null) {
            h = home(p, "/.npm/_cacache/", Cache.NPM);
        }
        if (h == null) {
            h = home(p, "/.cache/yarn/", Cache.YARN);
        }
        return h;
    }

    /** A cache below some home folder ({@code /root}, {@code /home/app}, {@code /app}, …). */
    private static Hit home(String p, String marker, Cache c) {
        int at = p.indexOf(marker);
        return at < 0 ? null : new Hit(c, p.substring(0, at + marker.length()));
    }
}
