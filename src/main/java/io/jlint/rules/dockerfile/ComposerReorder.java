package io.jlint.rules.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JL101 reorder for {@code composer install}: composer.json, composer.lock (and auth.json) are copied first.
 * Refused when the install runs scripts (install and autoload-dump events, unless {@code --no-scripts}) or plugins
 * (composer-plugin packages in the lock, unless {@code --no-plugins}), installs from path or artifact repositories,
 * or dumps an autoloader that scans the source tree: a {@code classmap} autoload, or an optimized autoloader
 * ({@code -o}, {@code -a}, {@code optimize-autoloader}), which turns PSR-0/PSR-4 folders into a class map, unless
 * {@code --no-autoloader}. PSR-4, PSR-0 and {@code files} autoloads are written as paths without reading them.
 */
final class ComposerReorder implements DependencyReorder.Ecosystem {

    private static final Set<String> FLAGS = Set.of("--no-dev", "--dev", "--no-scripts", "--no-autoloader",
            "--no-plugins", "--no-interaction", "-n", "--no-progress", "--prefer-dist", "--prefer-source",
            "--no-suggest", "--ignore-platform-reqs", "--optimize-autoloader", "-o", "--classmap-authoritative", "-a",
            "--apcu-autoloader", "--no-cache", "--audit", "--no-audit", "-q", "--quiet", "-v", "-vv", "-vvv",
            "--verbose", "--ansi", "--no-ansi", "--strict-psr", "--strict-ambiguous");
    private static final Set<String> VALUED = Set.of("--prefer-install", "--ignore-platform-req",
            "--apcu-autoloader-prefix", "--audit-format");
    /** Events composer install dispatches to scripts (the autoload ones only when it dumps the autoloader). */
    private static final Set<String> INSTALL_EVENTS = Set.of("pre-install-cmd", "post-install-cmd",
            "pre-autoload-dump", "post-autoload-dump", "pre-operations-exec", "pre-pool-create",
            "pre-dependencies-solving", "post-dependencies-solving", "pre-package-install", "post-package-install",
            "pre-package-update", "post-package-update", "pre-package-uninstall", "post-package-uninstall");
    private static final Set<String> REMOTE_REPOSITORY_TYPES = Set.of("composer", "vcs", "git", "github", "gitlab",
            "bitbucket", "package", "hg", "svn", "fossil", "perforce");

    @Override
    public void check(ReorderContext ctx, Argv a, List<Argv> companions) {
        String sub = a.subcommand();
        if (!sub.equals("install") && !sub.equals("i")) {
            throw ReorderContext.refused("only composer install is moved, not composer " + sub
                    + " (which writes composer.lock)");
        }
        boolean noScripts = false;
        boolean noPlugins = false;
        boolean noAutoloader = false;
        boolean optimize = false;
        List<String> args = a.args();
        for (int i = args.indexOf(sub) + 1; i < args.size(); i++) {
            String s = args.get(i);
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq) : s;
            if (FLAGS.contains(s)) {
                noScripts |= s.equals("--no-scripts");
                noPlugins |= s.equals("--no-plugins");
                noAutoloader |= s.equals("--no-autoloader");
                optimize |= Set.of("-o", "--optimize-autoloader", "-a", "--classmap-authoritative").contains(s);
            } else if (VALUED.contains(name)) {
                i += eq > 0 ? 0 : 1;
            } else {
                throw ReorderContext.refused("jlint does not know what `composer install " + s + "` reads or writes");
            }
        }
        ctx.checkEnv(Set.of("COMPOSER"), List.of("COMPOSER_", "PHPRC", "PHP_INI_SCAN_DIR"));
        if (a.command() != null && !a.command().words().isEmpty()) {
            // ./composer.phar install, php composer.phar install: the phar comes from the context
            String program = a.command().words().get(0).value();
            boolean php = BuildChain.baseName(program).startsWith("php") && a.command().words().size() > 1;
            String script = php ? a.command().words().get(1).value() : program;
            if ((php || script.contains("/")) && ctx.namesContext(script) != null) {
                ctx.copyNamed(script);
            }
        }

        ctx.copy("composer.json");
        JsonNode json = ctx.json("composer.json");
        if (json.has("target-dir")) {
            throw ReorderContext.refused("composer.json sets target-dir, whose autoload paths composer checks on disk");
        }
        if (!noScripts) {
            for (Iterator<String> it = json.path("scripts").fieldNames(); it.hasNext(); ) {
                String event = it.next();
                if (INSTALL_EVENTS.contains(event)) {
                    throw ReorderContext.refused("composer.json runs a " + event + " script on install, which may read"
                            + " other files (add --no-scripts)");
                }
            }
        }
        repositories(json.path("repositories"));
        JsonNode config = json.path("config");
        if (!noAutoloader) {
            optimize |= config.path("optimize-autoloader").asBoolean(false)
                    || config.path("classmap-authoritative").asBoolean(false);
            if (optimize) {
                throw ReorderContext.refused("an optimized autoloader scans the PSR-0/PSR-4 folders of the source tree"
                        + " (add --no-autoloader and dump it after the copy)");
            }
            for (String field : List.of("autoload", "autoload-dev")) {
                if (json.path(field).has("classmap")) {
                    throw ReorderContext.refused("composer.json has a classmap " + field + ", which the autoloader"
                            + " dump scans in the source tree (add --no-autoloader)");
                }
            }
        }
        String vendor = config.path("vendor-dir").asText("vendor");
        String bin = config.path("bin-dir").asText(vendor + "/bin");
        ctx.checkValue(vendor, "composer.json (vendor-dir)");
        ctx.checkValue(bin, "composer.json (bin-dir)");
        if (!vendor.startsWith("/")) {
            ctx.outputs(vendor);
        }

        ctx.copy("composer.lock");
        JsonNode lock = ctx.json("composer.lock");
        for (String field : List.of("packages", "packages-dev")) {
            for (JsonNode p : lock.path(field)) {
                String name = p.path("name").asText("?");
                if (!noPlugins && p.path("type").asText("").equals("composer-plugin")) {
                    throw ReorderContext.refused("composer.lock installs the plugin " + name + ", which runs during the"
                            + " install (add --no-plugins)");
                }
                if (p.path("dist").path("type").asText("").equals("path")
                        || p.path("source").path("type").asText("").equals("path")) {
                    throw ReorderContext.refused("composer.lock installs " + name + " from a path");
                }
                for (String part : List.of("dist", "source")) {
                    String url = p.path(part).path("url").asText("");
                    if (!url.isEmpty() && !remote(url)) {
                        throw ReorderContext.refused("composer.lock installs " + name + " from " + url);
                    }
                }
            }
        }
        ctx.copyIfPresent("auth.json"); // composer reads the project's credentials next to composer.json
    }

    private static void repositories(JsonNode repos) {
        for (JsonNode r : repos) {
            if (!r.isObject()) {
                continue; // {"packagist.org": false} in the list form
            }
            if (!r.has("type")) {
                continue;
            }
            String type = r.path("type").asText("");
            if (!REMOTE_REPOSITORY_TYPES.contains(type)) {
                throw ReorderContext.refused("composer.json has a " + type + " repository, which reads the context");
            }
            String url = r.path("url").asText("");
            if (!url.isEmpty() && !remote(url)) {
                throw ReorderContext.refused("composer.json has a repository at " + url + ", on disk");
            }
            if (type.equals("package")) {
                for (JsonNode pkg : r.path("package").isArray() ? r.path("package") : List.of(r.path("package"))) {
                    for (String part : List.of("dist", "source")) {
                        String u = pkg.path(part).path("url").asText("");
                        if (!u.isEmpty() && !remote(u)) {
                            throw ReorderContext.refused("composer.json has a package at " + u + ", on disk");
                        }
                    }
                }
            }
        }
    }

    private static boolean remote(String url) {
        return url.matches("(https?|git|ssh|svn|svn\\+ssh)://.+|[\\w.-]+@[\\w.-]+:.+");
    }
}
