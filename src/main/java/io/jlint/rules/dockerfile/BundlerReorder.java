package io.jlint.rules.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JL101 reorder for {@code bundle install}: Gemfile and Gemfile.lock are copied first. A Gemfile is a Ruby
 * program, so it is read as the small declarative subset most Gemfiles use ({@code source}, {@code ruby},
 * {@code gem} with registry or remote git sources, {@code group}/{@code platforms} blocks, {@code git_source}); any
 * other line refuses the reorder, and so do {@code gemspec}, {@code path:}, local {@code git:} sources,
 * {@code eval_gemfile}, {@code install_if} and {@code plugin}. Also refused: a lock file with PATH or plugin sources,
 * a .bundle/ or vendor/cache in the context (Bundler reads its settings and cached gems from them), gems.rb, and an
 * install that may rewrite Gemfile.lock (not frozen: the later {@code COPY . .} would put the context's copy back).
 */
final class BundlerReorder implements DependencyReorder.Ecosystem {

    private static final Set<String> FLAGS = Set.of("--frozen", "--deployment", "--no-cache", "--quiet",
            "--verbose", "--full-index", "--redownload", "--force", "--clean", "--system", "--no-prune",
            "--prefer-local", "--local-only");
    private static final Set<String> VALUED = Set.of("--jobs", "-j", "--retry", "--without", "--with",
            "--trust-policy");
    /** {@code bundle config} keys that change nothing the install reads from the context. */
    private static final Set<String> CONFIG_KEYS = Set.of("frozen", "deployment", "without", "with", "jobs", "retry",
            "path", "silence_root_warning", "force_ruby_platform", "clean", "no-cache", "no_cache");

    @Override
    public boolean companion(Argv a) {
        return a.program().equals("bundle") && a.subcommand().equals("config");
    }

    @Override
    public void check(ReorderContext ctx, Argv a, List<Argv> companions) {
        ctx.checkEnv(Set.of("BUNDLE_GEMFILE"), List.of("BUNDLE_", "RUBYOPT", "RUBYLIB", "GEM_HOME", "GEM_PATH"));
        boolean frozen = ctx.envTrue("BUNDLE_FROZEN") || ctx.envTrue("BUNDLE_DEPLOYMENT");
        for (Argv c : companions) {
            frozen |= config(ctx, c);
        }
        List<String> args = a.args();
        String sub = a.subcommand();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.equals(sub)) {
                continue;
            }
            int eq = s.indexOf('=');
            String name = eq > 0 ? s.substring(0, eq) : s;
            if (FLAGS.contains(s)) {
                frozen |= s.equals("--frozen") || s.equals("--deployment");
                continue;
            }
            if (VALUED.contains(name)) {
                if (eq < 0) {
                    i++;
                }
                continue;
            }
            throw ReorderContext.refused("jlint does not know what `bundle install " + s + "` reads or writes");
        }
        ctx.absent("gems.rb", "which Bundler may read instead of the Gemfile");
        ctx.absent(".bundle", "whose config sets Bundler options jlint does not evaluate");
        ctx.absent("vendor/cache", "from which Bundler installs cached gems");
        ctx.outputs("vendor/bundle");
        ctx.copy("Gemfile");
        new GemfileReader(ctx).read(ctx.lines("Gemfile"));
        if (ctx.copyIfPresent("Gemfile.lock")) {
            lock(ctx.lines("Gemfile.lock"));
            if (!frozen) {
                throw ReorderContext.refused("bundle install may rewrite Gemfile.lock (adding this platform, for"
                        + " example), which the later COPY . . would replace with the context's copy (set"
                        + " BUNDLE_FROZEN=true or run bundle config set frozen true first)");
            }
        }
    }

    /** Checks {@code bundle config [set] [--local|--global] KEY VALUE…}; true when it freezes the lock file. */
    private static boolean config(ReorderContext ctx, Argv c) {
        List<String> words = new ArrayList<>();
        for (String s : c.args().subList(c.args().indexOf("config") + 1, c.args().size())) {
            if (!s.equals("--local") && !s.equals("--global")) {
                words.add(s);
            }
        }
        if (!words.isEmpty() && words.get(0).equals("set")) {
            words.remove(0);
        }
        if (words.size() < 2 || !CONFIG_KEYS.contains(words.get(0))) {
            throw ReorderContext.refused("jlint does not know what `bundle config " + String.join(" ", words)
                    + "` changes");
        }
        String key = words.get(0);
        String value = String.join(" ", words.subList(1, words.size()));
        if (key.equals("path")) {
            ctx.checkValue(value, "bundle config path");
        }
        return (key.equals("frozen") || key.equals("deployment")) && Set.of("true", "1").contains(value);
    }

    /** Gemfile.lock: refused for gems from paths (PATH, a gemspec), plugin sources, or git sources on disk. */
    private static void lock(List<String> lines) {
        String section = "";
        for (String l : lines) {
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) {
                section = l.strip();
                if (section.equals("PATH") || section.equals("PLUGIN SOURCE")) {
                    throw ReorderContext.refused("Gemfile.lock installs gems from " + (section.equals("PATH")
                            ? "a path in the context (path: or gemspec)" : "a plugin source"));
                }
                continue;
            }
            if (section.equals("GIT") && l.strip().startsWith("remote:")) {
                String url = l.strip().substring("remote:".length()).strip();
                if (!GemfileReader.REMOTE.matcher(url).matches()) {
                    throw ReorderContext.refused("Gemfile.lock installs a gem from the git repository " + url
                            + ", which is on disk");
                }
            }
        }
    }

    /**
     * Reads a Gemfile as a list of statements of a small declarative subset of Ruby; anything outside it refuses.
     * Copies the file {@code ruby file: "…"} names.
     */
    static final class GemfileReader {
        static final Pattern REMOTE = Pattern.compile("(https?|git|ssh)://.+|[\\w.-]+@[\\w.-]+:.+");
        private static final Set<String> GEM_OPTIONS = Set.of("require", "group", "groups", "platform", "platforms",
                "source", "git", "github", "gist", "bitbucket", "branch", "tag", "ref", "submodules", "glob",
                "force_ruby_platform");
        private static final Set<String> REFUSED = Set.of("gemspec", "path", "eval_gemfile", "install_if", "plugin",
                "env", "instance_eval", "eval", "require", "require_relative", "load");

        private final ReorderContext ctx;

        GemfileReader(ReorderContext ctx) {
            this.ctx = ctx;
        }

        private enum Kind { STRING, SYMBOL, IDENT, LABEL, ARROW, NUMBER, PUNCT, WORDS }

        private record Token(Kind kind, String text, boolean interpolated) {
            boolean is(String punct) {
                return (kind == Kind.PUNCT || kind == Kind.IDENT || kind == Kind.ARROW) && text.equals(punct);
            }
        }

        void read(List<String> lines) {
            List<Token> statement = new ArrayList<>();
            int depth = 0;
            int start = 1;
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.startsWith("__END__")) {
                    break;
                }
                if (line.startsWith("=begin")) {
                    throw refused(n + 1, line);
                }
                if (statement.isEmpty()) {
                    start = n + 1;
                }
                List<Token> tokens = tokens(line, n + 1);
                statement.addAll(tokens);
                for (Token t : tokens) {
                    if (t.is("(") || t.is("[") || t.is("{")) {
                        depth++;
                    } else if (t.is(")") || t.is("]") || t.is("}")) {
                        depth--;
                    }
                }
                boolean continues = depth > 0 || line.stripTrailing().endsWith("\\")
                        || !statement.isEmpty() && statement.get(statement.size() - 1).is(",");
                if (!continues && !statement.isEmpty()) {
                    statement(statement, start, lines.get(start - 1));
                    statement = new ArrayList<>();
                }
            }
            if (!statement.isEmpty()) {
                throw refused(start, lines.get(start - 1));
            }
        }

        private static ReorderContext.Refused refused(int line, String text) {
            return ReorderContext.refused("line " + line + " of the Gemfile (" + text.strip() + ") is Ruby jlint does"
                    + " not evaluate");
        }

        private void statement(List<Token> st, int line, String text) {
            Token first = st.get(0);
            if (first.kind() != Kind.IDENT) {
                throw refused(line, text);
            }
            String word = first.text();
            if (REFUSED.contains(word)) {
                throw ReorderContext.refused("the Gemfile uses " + word + " (line " + line + "), which reads files from"
                        + " the context");
            }
            List<Token> rest = st.subList(1, st.size());
            boolean block = !rest.isEmpty() && rest.get(rest.size() - 1).is("do");
            List<Token> args = block ? rest.subList(0, rest.size() - 1) : rest;
            switch (word) {
                case "end" -> require(args.isEmpty() && !block, line, text);
                case "source" -> {
                    List<Token> a = unparen(args);
                    require(a.size() == 1 && plainString(a.get(0)) && REMOTE.matcher(a.get(0).text()).matches(),
                            line, text);
                }
                case "ruby" -> ruby(args, line, text);
                case "gem" -> gem(unparen(args), line, text);
                case "group", "platforms", "platform" -> {
                    require(block, line, text);
                    for (List<Token> item : split(unparen(args))) {
                        boolean name = item.size() == 1 && (item.get(0).kind() == Kind.SYMBOL || plainString(item.get(0)));
                        boolean optional = item.size() == 2 && item.get(0).kind() == Kind.LABEL
                                && item.get(0).text().equals("optional");
                        require(name || optional, line, text);
                    }
                }
                case "git" -> {
                    require(block, line, text);
                    List<List<Token>> items = split(unparen(args));
                    require(!items.isEmpty() && items.get(0).size() == 1 && plainString(items.get(0).get(0)), line,
                            text);
                    remote(items.get(0).get(0).text(), line);
                    for (List<Token> item : items.subList(1, items.size())) {
                        option(item, Set.of("branch", "tag", "ref", "submodules", "glob"), line, text);
                    }
                }
                case "git_source" -> gitSource(args, line, text);
                default -> throw refused(line, text);
            }
        }

        private static void require(boolean ok, int line, String text) {
            if (!ok) {
                throw refused(line, text);
            }
        }

        private void ruby(List<Token> args, int line, String text) {
            List<List<Token>> items = split(unparen(args));
            require(!items.isEmpty(), line, text);
            for (List<Token> item : items) {
                if (item.size() == 1 && plainString(item.get(0))) {
                    continue;
                }
                require(item.size() == 2 && item.get(0).kind() == Kind.LABEL && plainString(item.get(1)), line, text);
                String key = item.get(0).text();
                if (key.equals("file")) {
                    ctx.copy(item.get(1).text()); // Bundler reads the Ruby version from this file
                } else {
                    require(Set.of("engine", "engine_version", "patchlevel").contains(key), line, text);
                }
            }
        }

        private void gem(List<Token> args, int line, String text) {
            List<List<Token>> items = split(args);
            require(!items.isEmpty() && items.get(0).size() == 1 && plainString(items.get(0).get(0)), line, text);
            for (List<Token> item : items.subList(1, items.size())) {
                if (item.size() == 1 && plainString(item.get(0))) {
                    continue; // a version requirement
                }
                option(item, GEM_OPTIONS, line, text);
                String key = key(item);
                if (key.equals("git")) {
                    remote(item.get(item.size() - 1).text(), line);
                }
                if (key.equals("source")) {
                    require(REMOTE.matcher(item.get(item.size() - 1).text()).matches(), line, text);
                }
            }
        }

        /** {@code key: value} or {@code :key => value} with a key from {@code keys} and a literal value. */
        private static void option(List<Token> item, Set<String> keys, int line, String text) {
            String key = key(item);
            if (key.equals("path")) {
                throw ReorderContext.refused("the Gemfile installs a gem from a path in the context (line " + line
                        + ")");
            }
            if (key.equals("install_if")) {
                throw ReorderContext.refused("the Gemfile runs an install_if condition (line " + line + ")");
            }
            require(keys.contains(key), line, text);
            List<Token> value = item.subList(item.get(0).kind() == Kind.LABEL ? 1 : 2, item.size());
            require(literal(value), line, text);
        }

        private static String key(List<Token> item) {
            if (item.size() >= 2 && item.get(0).kind() == Kind.LABEL) {
                return item.get(0).text();
            }
            if (item.size() >= 3 && item.get(1).kind() == Kind.ARROW
                    && (item.get(0).kind() == Kind.SYMBOL || plainString(item.get(0)))) {
                return item.get(0).text();
            }
            return "";
        }

        private static boolean literal(List<Token> v) {
            if (v.size() == 1) {
                Token t = v.get(0);
                return plainString(t) || t.kind() == Kind.SYMBOL || t.kind() == Kind.NUMBER || t.kind() == Kind.WORDS
                        || t.kind() == Kind.IDENT && Set.of("true", "false", "nil").contains(t.text());
            }
            if (v.size() >= 2 && v.get(0).is("[") && v.get(v.size() - 1).is("]")) {
                for (List<Token> e : split(v.subList(1, v.size() - 1))) {
                    if (!literal(e)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static void remote(String url, int line) {
            if (!REMOTE.matcher(url).matches()) {
                throw ReorderContext.refused("the Gemfile installs a gem from the git repository " + url + " (line "
                        + line + "), which is on disk");
            }
        }

        /** {@code git_source(:name) { |repo| "https://…#{repo}…" }}: a URL template. */
        private static void gitSource(List<Token> args, int line, String text) {
            boolean ok = args.size() == 9 && args.get(0).is("(") && args.get(1).kind() == Kind.SYMBOL
                    && args.get(2).is(")") && args.get(3).is("{") && args.get(4).is("|")
                    && args.get(5).kind() == Kind.IDENT && args.get(6).is("|")
                    && args.get(7).kind() == Kind.STRING && args.get(8).is("}");
            require(ok, line, text);
            String template = args.get(7).text().replace("#{" + args.get(5).text() + "}", "x");
            require(!template.contains("#{") && REMOTE.matcher(template).matches(), line, text);
        }

        private static boolean plainString(Token t) {
            return t.kind() == Kind.STRING && !t.interpolated();
        }

        /** Drops the parentheses of {@code name(a, b)}. */
        private static List<Token> unparen(List<Token> args) {
            if (args.size() >= 2 && args.get(0).is("(") && args.get(args.size() - 1).is(")")) {
                return args.subList(1, args.size() - 1);
            }
            return args;
        }

        /** The comma-separated items at bracket depth 0. */
        private static List<List<Token>> split(List<Token> tokens) {
            List<List<Token>> out = new ArrayList<>();
            List<Token> cur = new ArrayList<>();
            int depth = 0;
            for (Token t : tokens) {
                if (t.is("[") || t.is("(") || t.is("{")) {
                    depth++;
                } else if (t.is("]") || t.is(")") || t.is("}")) {
                    depth--;
                }
                if (depth == 0 && t.is(",")) {
                    out.add(cur);
                    cur = new ArrayList<>();
                    continue;
                }
                cur.add(t);
            }
            if (!cur.isEmpty()) {
                out.add(cur);
            }
            return out;
        }

        private static final Map<Character, Character> CLOSE = Map.of('[', ']', '(', ')', '{', '}', '<', '>');

        private static List<Token> tokens(String line, int n) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (Character.isWhitespace(c) || c == '\\' && i == line.stripTrailing().length() - 1) {
                    i++;
                } else if (c == '#') {
                    break;
                } else if (c == '"' || c == '\'') {
                    StringBuilder sb = new StringBuilder();
                    boolean interp = false;
                    int j = i + 1;
                    while (j < line.length() && line.charAt(j) != c) {
                        if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                            j++;
                        } else if (c == '"' && line.startsWith("#{", j)) {
                            interp = true;
                        }
                        sb.append(line.charAt(j));
                        j++;
                    }
                    if (j >= line.length()) {
                        throw refused(n, line);
                    }
                    out.add(new Token(Kind.STRING, sb.toString(), interp));
                    i = j + 1;
                } else if (c == '%' && i + 2 < line.length() && "iwIW".indexOf(line.charAt(i + 1)) >= 0
                        && CLOSE.containsKey(line.charAt(i + 2))) {
                    int end = line.indexOf(CLOSE.get(line.charAt(i + 2)), i + 3);
                    if (end < 0) {
                        throw refused(n, line);
                    }
                    out.add(new Token(Kind.WORDS, line.substring(i + 3, end), false));
                    i = end + 1;
                } else if (c == ':' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                        j++;
                    }
                    out.add(new Token(Kind.SYMBOL, line.substring(i + 1, j), false));
                    i = j;
                } else if (Character.isLetter(c) || c == '_') {
                    int j = i;
                    while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                        j++;
                    }
                    if (j < line.length() && (line.charAt(j) == '?' || line.charAt(j) == '!')) {
                        j++;
                    }
                    boolean label = j < line.length() && line.charAt(j) == ':'
                            && (j + 1 >= line.length() || line.charAt(j + 1) != ':');
                    out.add(new Token(label ? Kind.LABEL : Kind.IDENT, line.substring(i, j), false));
                    i = label ? j + 1 : j;
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < line.length() && (Character.isDigit(line.charAt(j)) || line.charAt(j) == '.')) {
                        j++;
                    }
                    out.add(new Token(Kind.NUMBER, line.substring(i, j), false));
                    i = j;
                } else if (line.startsWith("=>", i)) {
                    out.add(new Token(Kind.ARROW, "=>", false));
                    i += 2;
                } else if ("[](){},|".indexOf(c) >= 0) {
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), false));
                    i++;
                } else {
                    throw refused(n, line);
                }
            }
            return out;
        }
    }
}
