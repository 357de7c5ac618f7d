package io.jlint.image;

import java.util.List;
import java.util.Set;

/**
 * The package-manager caches {@code jlint rebuild --strip-caches} removes. Each rule names a cache directory (a
 * {@code *} component matches one name, e.g. every home directory); the directory itself stays, and so do the
 * names the package manager needs to find there (apt's {@code lock} and {@code partial/}, emptied). Everything
 * else below the directory goes: it is downloaded data the package manager fetches again when it needs it.
 */
final class CacheRules {

    /**
     * One cache.
     *
     * @param id      short name used in reports
     * @param dir     the cache directory (absolute; {@code *} matches one path component)
     * @param suffix  only names ending with this are removed ("" for all)
     * @param keep    names kept directly in {@code dir}; a kept directory is emptied
     * @param what    what it is, for people
     */
    record Rule(String id, String dir, String suffix, Set<String> keep, String what) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("apt-lists", "/var/lib/apt/lists", "", Set.of("lock", "partial"),
                    "apt package lists (apt-get update)"),
            new Rule("apt-pkgcache", "/var/cache/apt", ".bin", Set.of(), "apt's binary caches (pkgcache.bin)"),
            new Rule("apt-archives", "/var/cache/apt/archives", "", Set.of("lock", "partial"),
                    "downloaded .deb packages"),
            new Rule("apk", "/var/cache/apk", "", Set.of(), "apk package index and packages"),
            new Rule("yum", "/var/cache/yum", "", Set.of(), "yum metadata and packages"),
            new Rule("dnf", "/var/cache/dnf", "", Set.of(), "dnf metadata and packages"),
            new Rule("pip", "/root/.cache/pip", "", Set.of(), "pip's download and wheel cache"),
            new Rule("pip", "/home/*/.cache/pip", "", Set.of(), "pip's download and wheel cache"),
            new Rule("npm", "/root/.npm/_cacache", "", Set.of(), "npm's content cache"),
            new Rule("npm", "/home/*/.npm/_cacache", "", Set.of(), "npm's content cache"),
            new Rule("yarn", "/usr/local/share/.cache/yarn", "", Set.of(), "yarn's package cache"),
            new Rule("yarn", "/root/.cache/yarn", "", Set.of(), "yarn's package cache"),
            new Rule("yarn", "/home/*/.cache/yarn", "", Set.of(), "yarn's package cache"),
            new Rule("yarn", "/root/.yarn/berry/cache", "", Set.of(), "yarn's package cache"),
            new Rule("yarn", "/home/*/.yarn/berry/cache", "", Set.of(), "yarn's package cache"));

    private CacheRules() {
    }

    /** Calls {@code out} for every present path of {@code o} to remove (never a rule's directory itself). */
    static void forEachRemoval(Overlay o, java.util.function.BiConsumer<Rule, Overlay.Node> out) {
        for (Rule r : RULES) {
            String[] parts = r.dir().substring(1).split("/");
            match(o.root, parts, 0, r, out);
        }
    }

    private static void match(Overlay.Node n, String[] parts, int i, Rule r,
                              java.util.function.BiConsumer<Rule, Overlay.Node> out) {
        if (n.type != TarEntry.Type.DIRECTORY) {
            return;                 // a symlinked cache directory points elsewhere: left alone
        }
        if (i == parts.length) {
            for (Overlay.Node c : Overlay.sortedChildren(n, false)) {
                if (r.keep().contains(c.name)) {
                    if (c.type == TarEntry.Type.DIRECTORY) {
                        for (Overlay.Node g : Overlay.sortedChildren(c, false)) {
                            out.accept(r, g);
                        }
                    }
                } else if (c.name.endsWith(r.suffix())) {
                    out.accept(r, c);
                }
            }
            return;
        }
        for (Overlay.Node c : Overlay.sortedChildren(n, false)) {
            if ("*".equals(parts[i]) || parts[i].equals(c.name)) {
                match(c, parts, i + 1, r, out);
            }
        }
    }
}
