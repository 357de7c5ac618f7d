package io.jlint.rules.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JL101 reorder for {@code pip install -r FILE [-r FILE …] [-c FILE …]}: the requirement and constraint files are
 * copied first, with the files they include ({@code -r}/{@code -c} lines, resolved against the including file's
 * folder as pip does). Refused when a file installs something from the context (a local path, {@code -e}, a
 * {@code file:} URL, {@code --find-links} to a folder), when the command also installs the project ({@code pip
 * install -r r.txt .}), for {@code pip install .}/{@code -e .} (no manifest to copy: they read the source tree) and
 * for {@code python -m pip} when the context holds a module that would shadow one pip imports (Python puts the
 * working directory first on {@code sys.path} for {@code -m}).
 */
final class PipReorder implements DependencyReorder.Ecosystem {

    private static final Set<String> FLAGS = Set.of("--no-cache-dir", "-U", "--upgrade", "-q", "--quiet", "-v",
            "--verbose", "--no-deps", "--pre", "--prefer-binary", "--require-hashes", "--no-build-isolation",
            "--user", "--disable-pip-version-check", "--no-warn-script-location", "--no-warn-conflicts",
            "--break-system-packages", "--no-compile", "--compile", "--ignore-installed", "-I", "--force-reinstall",
            "--use-pep517", "--no-use-pep517", "--no-input", "--isolated", "--require-virtualenv", "--no-clean",
            "--no-color");
    /** Options with a value that is not a path. */
    private static final Set<String> VALUED = Set.of("-i", "--index-url", "--extra-index-url", "--trusted-host",
            "--upgrade-strategy", "--progress-bar", "--only-binary", "--no-binary", "--timeout", "--default-timeout",
            "--retries", "--platform", "--python-version", "--implementation", "--abi", "--proxy",
            "--config-settings", "-C", "--root-user-action", "--exists-action", "--use-feature", "--global-option",
            "--keyring-provider");
    /** Options whose value is a path: allowed when it names nothing in the context. */
    private static final Set<String> PATH_VALUED = Set.of("-t", "--target", "--prefix", "--root", "--cache-dir",
            "--cert", "--client-cert", "--log", "--python", "--src");

    /** Options a requirements file may hold that do not make pip read local files. */
    private static final Set<String> FILE_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url",
            "--trusted-host", "--no-index", "--pre", "--prefer-binary", "--only-binary", "--no-binary",
            "--require-hashes", "--use-feature", "--config-settings", "--global-option", "--hash");

    /** A requirement from a registry: name, extras, version specifiers, environment markers. */
    private static final Pattern NAMED = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]*\\s*(\\[[A-Za-z0-9,._\\s-]*\\])?\\s*([<>=!~]=?=?\\s*[^;\\s/\\\\@]+\\s*,?\\s*)*"
                    + "(;.*)?");
    private static final Pattern REMOTE = Pattern.compile("(https?|git\\+https?|git\\+ssh|git\\+git|hg\\+https?"
            + "|svn\\+https?|bzr\\+https?)://.*|git\\+[\\w.-]+@[\\w.-]+:.*");
    private static final Pattern ARCHIVE = Pattern.compile("(?i).*\\.(whl|zip|tar\\.gz|tgz|tar\\.bz2|tar\\.xz|tar)$");

    @Override
    public boolean companion(Argv a) {
        return false;
    }

    @Override
    public void check(ReorderContext ctx, Argv a, List<Argv> companions) {
        if (!a.program().equals("pip") && !a.program().matches("pip[0-9.]*")) {
            throw ReorderContext.refused(a.program() + " reads its settings from pyproject.toml or uv.toml in the"
                    + " project; jlint moves only pip itself");
        }
        if (!a.subcommand().equals("install")) {
            throw ReorderContext.refused("only pip install is moved, not pip " + a.subcommand());
        }
        ctx.checkEnv(Set.of("PIP_REQUIREMENT", "PIP_CONSTRAINT", "PIP_EDITABLE", "PIP_FIND_LINKS", "PIP_SRC"),
                List.of("PIP_", "PYTHONPATH", "PYTHONUSERBASE", "VIRTUAL_ENV", "PYTHONHOME"));
        List<String> files = new ArrayList<>();
        List<String> args = a.args();
        boolean seenSub = false;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!seenSub && s.equals("install")) {
                seenSub = true;
                continue;
            }
            String file = fileOption(args, i, "-r", "--requirement", "--requirements");
            if (file == null) {
                file = fileOption(args, i, "-c", "--constraint", null);
            }
            if (file != null) {
                files.add(file);
                if (args.get(i).equals("-r") || args.get(i).equals("-c") || args.get(i).equals("--requirement")
                        || args.get(i).equals("--requirements") || args.get(i).equals("--constraint")) {
                    i++;
                }
                continue;
            }
            if (s.equals("-e") || s.startsWith("--editable")) {
                throw ReorderContext.refused("pip install -e installs the project from the source tree");
            }
            if (s.equals("-f") || s.startsWith("--find-links") || s.equals("--no-index")) {
                throw ReorderContext.refused("pip install " + s + " may take packages from the context");
            }
            int eq = s.indexOf('=');
            String name = s.startsWith("--") && eq > 0 ? s.substring(0, eq) : s;
            if (FLAGS.contains(s)) {
                continue;
            }
            if (VALUED.contains(name) || PATH_VALUED.contains(name)) {
                String value = name.equals(s) ? i + 1 < args.size() ? args.get(++i) : "" : s.substring(eq + 1);
                if (PATH_VALUED.contains(name)) {
                    ctx.checkValue(value, "pip " + name);
                }
                continue;
            }
            if (s.startsWith("-")) {
                throw ReorderContext.refused("jlint does not know what `pip " + s + "` reads");
            }
            String t = s.strip();
            if (!NAMED.matcher(t).matches() || ARCHIVE.matcher(t).matches() || ctx.namesContext(t) != null) {
                throw ReorderContext.refused("pip install also installs " + s + ", which reads the source tree");
            }
        }
        if (files.isEmpty()) {
            throw ReorderContext.refused("pip install names no requirements file to copy first");
        }
        Deque<String> queue = new ArrayDeque<>();
        for (String f : files) {
            queue.add(relative(f, "", "pip"));
        }
        while (!queue.isEmpty()) {
            String f = queue.poll();
            if (ctx.copied(f)) {
                continue;
            }
            ctx.copy(f);
            requirementsFile(ctx, f, queue);
        }
        if (a.command() != null && !a.command().words().isEmpty()
                && BuildChain.baseName(a.command().words().get(0).value()).matches("python[0-9.]*")) {
            noShadowedModules(ctx);
        }
    }

    /** The value of {@code -r FILE}, {@code -rFILE}, {@code --requirement FILE}, {@code --requirement=FILE} at i. */
    private static String fileOption(List<String> args, int i, String shortOpt, String longOpt, String longOpt2) {
        String s = args.get(i);
        if ((s.equals(shortOpt) || s.equals(longOpt) || s.equals(longOpt2)) && i + 1 < args.size()) {
            return args.get(i + 1);
        }
        for (String l : new String[] {longOpt, longOpt2}) {
            if (l != null && s.startsWith(l + "=")) {
                return s.substring(l.length() + 1);
            }
        }
        if (s.startsWith(shortOpt) && s.length() > 2 && !s.startsWith("--")) {
            return s.substring(2);
        }
        return null;
    }

    /** {@code path} as a context path: relative to {@code base} (the including file's folder). */
    private static String relative(String path, String base, String from) {
        if (path.isEmpty() || path.contains("$") || path.startsWith("/") || path.startsWith("~")
                || path.contains("*") || path.contains("\\")) {
            throw ReorderContext.refused(from + " names the requirements file " + path + ", which is not a plain"
                    + " relative path");
        }
        String rel = ReorderContext.clean(base.isEmpty() ? path : base + "/" + path);
        if (rel == null || rel.isEmpty()) {
            throw ReorderContext.refused(from + " names " + path + ", outside the build context");
        }
        return rel;
    }

    /** Checks one requirements or constraints file; queues the files it includes. */
    private static void requirementsFile(ReorderContext ctx, String f, Deque<String> queue) {
        String dir = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
        List<String> logical = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String raw : ctx.lines(f)) {
            if (raw.endsWith("\\")) {
                cur.append(raw, 0, raw.length() - 1);
                continue;
            }
            cur.append(raw);
            logical.add(cur.toString());
            cur.setLength(0);
        }
        logical.add(cur.toString());
        for (String line : logical) {
            String l = line.replaceFirst("(^|\\s)#.*$", "").strip();
            if (l.isEmpty()) {
                continue;
            }
            String where = f + " (" + l + ")";
            if (l.startsWith("-")) {
                String[] parts = l.split("[\\s=]+", 2);
                String opt = parts[0];
                String value = parts.length > 1 ? parts[1].strip() : "";
                if (opt.startsWith("-r") && !opt.startsWith("--") || opt.equals("--requirement")
                        || opt.startsWith("-c") && !opt.startsWith("--") || opt.equals("--constraint")) {
                    String target = opt.length() > 2 && !opt.startsWith("--") ? opt.substring(2) : value;
                    if (!REMOTE.matcher(target).matches()) {
                        queue.add(relative(target, dir, f));
                    }
                } else if (opt.equals("-f") || opt.equals("--find-links")) {
                    if (!value.matches("https?://.*")) {
                        throw ReorderContext.refused(where + " takes packages from a folder");
                    }
                } else if (opt.equals("-e") || opt.equals("--editable")) {
                    throw ReorderContext.refused(where + " installs a package in editable mode, into or from the"
                            + " project");
                } else if (!FILE_OPTIONS.contains(opt)) {
                    throw ReorderContext.refused("jlint does not know what " + opt + " in " + f + " reads");
                }
                continue;
            }
            String req = l.replaceFirst("\\s+--hash[=\\s].*$", "").strip();
            int at = req.indexOf('@');
            if (at > 0 && !req.substring(0, at).contains("/") && !req.substring(0, at).contains(":")) {
                String url = req.substring(at + 1).replaceFirst(";.*$", "").strip();
                if (!REMOTE.matcher(url).matches() || url.contains("$")) {
                    throw ReorderContext.refused(where + " installs from a local path");
                }
                continue;
            }
            if (REMOTE.matcher(req).matches() && !req.contains("$")) {
                continue;
            }
            if (!NAMED.matcher(req).matches() || ARCHIVE.matcher(req.replaceFirst(";.*$", "").strip()).matches()) {
                throw ReorderContext.refused(where + " installs from a local path");
            }
        }
    }

    /**
     * Modules of Python's standard library (every version from 3.8 on) and the packaging tools pip imports: with
     * {@code python -m pip}, a {@code NAME.py} or {@code NAME/__init__.py} in the working directory is imported
     * instead of them.
     */
    private static final Set<String> SHADOWABLE = Set.of(("__future__ abc aifc annotationlib antigravity argparse"
            + " array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii binhex bisect builtins bz2"
            + " cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall"
            + " compression concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses"
            + " dataclasses datetime dbm decimal difflib dis distutils doctest dummy_threading email encodings"
            + " ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch formatter fractions ftplib"
            + " functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http"
            + " idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword lib2to3 linecache"
            + " locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt"
            + " multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os"
            + " ossaudiodev parser pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix"
            + " posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri"
            + " random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex"
            + " shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants"
            + " sre_parse ssl stat statistics string stringprep struct subprocess sunau symbol symtable sys"
            + " sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit"
            + " tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing"
            + " unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref"
            + " xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo"
            + " pip setuptools pkg_resources _distutils_hack wheel").split(" "));

    static void noShadowedModules(ReorderContext ctx) {
        for (String m : SHADOWABLE) {
            for (String f : List.of(m + ".py", m + "/__init__.py", m + ".pyc")) {
                if (ctx.has(f)) {
                    throw ReorderContext.refused("python -m pip puts the working directory first on sys.path, and the"
                            + " context has " + f + ", which shadows the module " + m);
                }
            }
        }
    }
}
