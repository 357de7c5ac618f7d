package io.jlint.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JL101 reorder's proofs, case by case: the .dockerignore evaluation, the Gemfile reader, values that name
 * context files, and installs the fix pairs under testdata/dockerfile/JL101 do not show (each built from a small
 * context in a temporary folder).
 */
class DependencyReorderTest {

    @TempDir
    Path dir;

    private int contexts;

    // --- .dockerignore -----------------------------------------------------------------------------------------

    @Test
    void dockerignoreFollowsBuildKit() {
        DockerIgnore ig = DockerIgnore.parse(List.of("# comment", "node_modules", "/build/", "**/*.log", "docs/*.md",
                "!docs/keep.md", " .env ", "tmp?"));
        assertTrue(ig.excluded("node_modules"));
        assertTrue(ig.excluded("node_modules/left-pad/index.js"), "a folder excludes what is below it");
        assertFalse(ig.excluded("src/node_modules"), "a plain pattern is anchored at the context root");
        assertTrue(ig.excluded("build/app.js"));
        assertTrue(ig.excluded("app.log"), "**/ matches no folder too");
        assertTrue(ig.excluded("a/b/c.log"));
        assertTrue(ig.excluded("docs/readme.md"));
        assertFalse(ig.excluded("docs/keep.md"), "an exception re-includes");
        assertFalse(ig.excluded("docs/sub/readme.md"), "* stays within one folder");
        assertTrue(ig.excluded(".env"));
        assertTrue(ig.excluded("tmp1"));
        assertFalse(ig.excluded("package.json"));
        assertTrue(ig.hasExceptions());
        assertFalse(DockerIgnore.parse(List.of("**/node_modules")).hasExceptions());
        assertTrue(DockerIgnore.parse(List.of("**/node_modules")).excluded("node_modules"));
        assertTrue(DockerIgnore.parse(List.of("*", "!package.json")).excluded("yarn.lock"));
        assertFalse(DockerIgnore.parse(List.of("*", "!package.json")).excluded("package.json"));
        assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse(List.of("a\\*b")));
    }

    // --- the Gemfile -------------------------------------------------------------------------------------------

    private String gemfile(String text) throws IOException {
        Files.writeString(dir.resolve("Gemfile"), text);
        Files.writeString(dir.resolve(".ruby-version"), "3.3.5\n");
        ReorderContext ctx = new ReorderContext(dir, DockerIgnore.NONE, "/app", Map.of());
        try {
            new BundlerReorder.GemfileReader(ctx).read(List.of(text.split("\n", -1)));
            return null;
        } catch (ReorderContext.Refused r) {
            return r.getMessage();
        }
    }

    @Test
    void aRailsGemfileIsDeclarative() throws IOException {
        assertNull(gemfile(String.join("\n",
                "source \"https://rubygems.org\"",
                "git_source(:github) { |repo| \"https://github.com/#{repo}.git\" }",
                "ruby \"3.3.5\"",
                "gem \"rails\", \"~> 7.2.1\", \">= 7.2.1.1\"",
                "gem 'sprockets-rails'",
                "gem \"bootsnap\", require: false",
                "gem \"tzinfo-data\", platforms: %i[ windows jruby ]",
                "gem \"kamal\", \"~> 2.0\", :require => false",
                "gem \"rack-mini-profiler\", github: \"MiniProfiler/rack-mini-profiler\", branch: \"main\"",
                "group :development, :test do",
                "  gem \"debug\", platforms: %i[ mri windows ], require: \"debug/prelude\" # comment",
                "  gem \"rubocop-rails-omakase\",",
                "      require: false",
                "end",
                "platforms :jruby do",
                "  gem \"activerecord-jdbc-adapter\", groups: [:production, \"staging\"]",
                "end",
                "")));
    }

    @Test
    void gemfileRefusals() throws IOException {
        assertTrue(gemfile("gem \"billing\", path: \"../billing\"\n").contains("from a path in the context"));
        assertTrue(gemfile("eval_gemfile \"Gemfile.shared\"\n").contains("eval_gemfile"));
        assertTrue(gemfile("gem \"x\", git: \"../x.git\"\n").contains("which is on disk"));
        assertTrue(gemfile("gem \"x\" if ENV[\"X\"]\n").contains("is Ruby jlint does not evaluate"));
        assertTrue(gemfile("gem \"x\", \"#{File.read('VERSION')}\"\n").contains("is Ruby jlint does not evaluate"));
        assertTrue(gemfile("install_if -> { true } do\nend\n").contains("install_if"));
        assertTrue(gemfile("gem \"x\", install_if: -> { true }\n").contains("install_if"));
        assertTrue(gemfile("gem \"x\",\n").contains("line 1"), "an unfinished statement");
        assertTrue(gemfile("gemspec path: \"engine\"\n").contains("gemspec"));
    }

    @Test
    void rubyFileIsCopied() throws IOException {
        Files.writeString(dir.resolve("Gemfile"), "ruby file: \".ruby-version\"\n");
        Files.writeString(dir.resolve(".ruby-version"), "3.3.5\n");
        ReorderContext ctx = new ReorderContext(dir, DockerIgnore.NONE, "/app", Map.of());
        new BundlerReorder.GemfileReader(ctx).read(List.of("ruby file: \".ruby-version\""));
        assertEquals(List.of(".ruby-version"), ctx.copies());
    }

    // --- values that name files of the context -----------------------------------------------------------------

    @Test
    void valuesThatNameContextFiles() throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), "x");
        ReorderContext ctx = new ReorderContext(dir, DockerIgnore.NONE, "/app", Map.of());
        assertNotNull(ctx.namesContext("certs/ca.pem"));
        assertNotNull(ctx.namesContext("./certs/ca.pem"));
        assertNotNull(ctx.namesContext("/app/certs/ca.pem"), "absolute below WORKDIR");
        assertNotNull(ctx.namesContext("--cafile=/app/certs"));
        assertNotNull(ctx.namesContext("/usr/lib:/app"), "a path list holding WORKDIR");
        assertNotNull(ctx.namesContext("file:///app/certs/ca.pem"));
        assertNotNull(ctx.namesContext("."));
        assertNull(ctx.namesContext("certs/other.pem"), "not in the context");
        assertNull(ctx.namesContext("https://registry.example.com/certs/ca.pem"));
        assertNull(ctx.namesContext("${NPM_TOKEN}"));
        assertNull(ctx.namesContext("/usr/local/share/ca.pem"));
        assertNull(ctx.namesContext("../outside"));
        assertNull(ctx.namesContext("true"));
        assertNotNull(ctx.namesContext("${CERTS}/ca.pem"), "a path with a variable cannot be told");
        ReorderContext unknownWorkdir = new ReorderContext(dir, DockerIgnore.NONE, null, Map.of());
        assertNotNull(unknownWorkdir.namesContext("/srv/certs/ca.pem"), "WORKDIR unknown: any absolute path may be");
        ReorderContext ignored = new ReorderContext(dir, DockerIgnore.parse(List.of("certs")), "/app", Map.of());
        assertNull(ignored.namesContext("certs/ca.pem"), "BuildKit does not send it");
    }

    // --- whole installs ----------------------------------------------------------------------------------------

    /** The JL101 finding's message for {@code dockerfile} with a context of {@code files} (name → text). */
    private String finding(String dockerfile, Map<String, String> files) throws IOException {
        Path ctx = Files.createDirectories(dir.resolve("context" + contexts++));
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path p = ctx.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        Path file = dir.resolve("Dockerfile");
        Files.writeString(file, dockerfile);
        Dockerfile df = DockerfileParser.parse(file.toString(), dockerfile);
        List<Finding> out = Engine.standard().lint(df, Config.defaults(), ctx);
        Finding f = out.stream().filter(x -> x.rule().equals("JL101")).findFirst().orElseThrow();
        return f.fix() != null ? "FIXED " + f.fix().description() : f.message();
    }

    private static Map<String, String> files(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final String PKG = "{\"name\": \"a\", \"dependencies\": {\"express\": \"^4.19.2\"}}";

    @Test
    void npmInstallOnlyWhenItCannotRewriteTheLock() throws IOException {
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\n";
        assertTrue(finding(df, files("package.json", PKG, "package-lock.json", "{}"))
                .contains("npm install may rewrite package-lock.json"));
        assertTrue(finding(df.replace("npm install", "npm install --no-save"), files("package.json", PKG,
                "package-lock.json", "{}")).startsWith("FIXED copy package.json package-lock.json first"));
        assertTrue(finding(df, files("package.json", PKG)).startsWith("FIXED copy package.json first"),
                "no lock in the context: the one npm writes stays");
    }

    @Test
    void npmOptionsAndLocalDependencies() throws IOException {
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --prefix web\n";
        Map<String, String> ctx = files("package.json", PKG, "package-lock.json", "{}");
        assertTrue(finding(df, ctx).contains("jlint does not know what `npm --prefix` reads or changes"));
        assertTrue(finding(df.replace(" --prefix web", ""), files("package.json",
                "{\"dependencies\": {\"ui\": \"file:../ui\"}}", "package-lock.json", "{}"))
                .contains("the dependencies entry ui is a local path (file:../ui)"));
        assertTrue(finding(df.replace(" --prefix web", ""), files("package.json", PKG, "package-lock.json",
                "{\"packages\": {\"node_modules/ui\": {\"resolved\": \"libs/ui\", \"link\": true}}}"))
                .contains("package-lock.json has local packages"));
        assertTrue(finding(df.replace(" --prefix web", ""), files("package.json", PKG, "package-lock.json", "{}",
                ".npmrc", "cafile=certs/ca.pem\n", "certs/ca.pem", "x"))
                .contains(".npmrc (cafile) names certs/ca.pem"));
    }

    @Test
    void aDockerignoredLockIsNotCopied() throws IOException {
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
        assertTrue(finding(df, files("package.json", PKG, "package-lock.json", "{}", ".dockerignore",
                "package-lock.json\n")).contains("npm ci needs a lock file and the context has none"));
        assertTrue(finding(df, files("package.json", PKG, "package-lock.json", "{}", ".npmrc", "fund=false\n",
                ".dockerignore", ".npmrc\n")).startsWith("FIXED copy package.json package-lock.json first"),
                "an .npmrc BuildKit does not send was never read");
    }

    @Test
    void theDockerfilesOwnIgnoreFileWins() throws IOException {
        Files.writeString(dir.resolve("Dockerfile.dockerignore"), "package-lock.json\n");
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
        assertTrue(finding(df, files("package.json", PKG, "package-lock.json", "{}"))
                .contains("npm ci needs a lock file"));
    }

    @Test
    void yarnAndPnpmRefusals() throws IOException {
        String berry = "__metadata:\n  version: 8\n\n\"a@workspace:.\":\n  version: 0.0.0-use.local\n";
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn install --immutable\n";
        assertTrue(finding(df, files("package.json", PKG, "yarn.lock", berry)).startsWith("FIXED"),
                "the root workspace entry of a yarn 2+ lock is no local package");
        assertTrue(finding(df, files("package.json", PKG, "yarn.lock", berry
                + "\"lodash@patch:lodash@npm%3A4.17.21#./.yarn/patches/lodash.patch\":\n  version: 4.17.21\n"))
                .contains("yarn.lock has local packages"));
        assertTrue(finding(df, files("package.json", PKG, "yarn.lock", berry, ".yarnrc.yml",
                "yarnPath: .yarn/releases/yarn-4.5.1.cjs\n")).contains("the context has no .yarn/releases/yarn-4.5.1.cjs"));
        assertTrue(finding(df, files("package.json", PKG, "yarn.lock", berry, ".pnp.cjs", "x"))
                .contains("the context has .pnp.cjs"));
        String pnpm = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN pnpm install\n";
        assertTrue(finding(pnpm, files("package.json", PKG, "pnpm-lock.yaml", "lockfileVersion: '9.0'\n"))
                .contains("add --frozen-lockfile"));
        assertTrue(finding(pnpm.replace("install", "install --frozen-lockfile"), files("package.json", PKG,
                "pnpm-lock.yaml", "lockfileVersion: '9.0'\n", ".pnpmfile.cjs", "module.exports = {}"))
                .contains("the context has .pnpmfile.cjs, whose hooks pnpm runs"));
    }

    @Test
    void pipRefusals() throws IOException {
        String df = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python -m pip install -r requirements.txt\n";
        assertTrue(finding(df, files("requirements.txt", "flask\n", "secrets.py", "KEY = 1\n"))
                .contains("the context has secrets.py, which shadows the module secrets"));
        assertTrue(finding(df.replace("python -m pip", "pip"), files("requirements.txt", "flask\n", "secrets.py",
                "KEY = 1\n")).startsWith("FIXED"), "the pip script does not put the working directory on sys.path");
        assertTrue(finding(df, files("requirements.txt", "./wheels/acme-1.0-py3-none-any.whl\n"))
                .contains("installs from a local path"));
        assertTrue(finding(df, files("requirements.txt", "-r ../shared/requirements.txt\n"))
                .contains("outside the build context"));
        assertTrue(finding(df, files("requirements.txt", "--find-links wheels\nacme\n"))
                .contains("takes packages from a folder"));
        assertTrue(finding("FROM python:3.12\nENV PATH=/app/.venv/bin:$PATH\nWORKDIR /app\nCOPY . .\n"
                + "RUN pip install -r requirements.txt\n", files("requirements.txt", "flask\n", ".venv/bin/pip", "x"))
                .contains("PATH finds pip in /app/.venv/bin, where the build context has one"));
        assertTrue(finding(df.replace("python -m pip", "uv pip"), files("requirements.txt", "flask\n"))
                .contains("uv reads its settings"));
    }

    @Test
    void composerRefusals() throws IOException {
        String lock = "{\"packages\": [{\"name\": \"symfony/flex\", \"type\": \"composer-plugin\"}]}";
        String df = "FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-scripts\n";
        String json = "{\"require\": {\"symfony/flex\": \"^2\"}, \"autoload\": {\"psr-4\": {\"App\\\\\": \"src/\"},"
                + " \"files\": [\"src/helpers.php\"]}}";
        assertTrue(finding(df, files("composer.json", json, "composer.lock", lock))
                .contains("installs the plugin symfony/flex"));
        assertTrue(finding(df.replace("--no-scripts", "--no-scripts --no-plugins"), files("composer.json", json,
                "composer.lock", lock)).startsWith("FIXED copy composer.json composer.lock first"),
                "PSR-4 and files autoloads are written as paths, without reading the files");
        assertTrue(finding(df.replace("--no-scripts", "--no-scripts -o"), files("composer.json", json,
                "composer.lock", "{\"packages\": []}")).contains("an optimized autoloader scans"));
        assertTrue(finding(df, files("composer.json", "{\"repositories\": [{\"type\": \"path\", \"url\": \"../pkg\"}]}",
                "composer.lock", "{\"packages\": []}")).contains("has a path repository"));
        assertTrue(finding(df.replace("install --no-scripts", "update"), files("composer.json", "{}",
                "composer.lock", "{}")).contains("only composer install is moved"));
        Map<String, String> phar = files("composer.json", "{}", "composer.lock", "{\"packages\": []}", "composer.phar",
                "phar");
        assertTrue(finding(df.replace("composer install", "php composer.phar install"), phar)
                .startsWith("FIXED copy composer.phar composer.json composer.lock first"));
        assertTrue(finding(df.replace("composer install", "/app/composer.phar install"), phar)
                .startsWith("FIXED copy composer.phar composer.json composer.lock first"));
    }

    @Test
    void mavenRefusals() throws IOException {
        String df = "FROM maven:3.9\nWORKDIR /src\nCOPY . .\nRUN mvn -B dependency:go-offline\n";
        String pom = "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId><artifactId>b</artifactId>"
                + "<version>1</version>%s</project>";
        assertTrue(finding(df, files("pom.xml", pom.formatted(""))).startsWith("FIXED copy pom.xml first"));
        assertTrue(finding(df, files("pom.xml", pom.formatted("<parent><groupId>a</groupId><artifactId>p</artifactId>"
                + "<version>1</version><relativePath>parent/pom.xml</relativePath></parent>")))
                .contains("takes its parent from parent/pom.xml"));
        assertTrue(finding(df, files("pom.xml", pom.formatted("<profiles><profile><activation><file><exists>"
                + "src/main/webapp</exists></file></activation></profile></profiles>")))
                .contains("activates a profile by a file"));
        assertTrue(finding(df, files("pom.xml", "<!DOCTYPE project [<!ENTITY x SYSTEM \"file:VERSION\">]>"
                + pom.formatted(""))).contains("pom.xml is not XML jlint can read"));
        assertTrue(finding(df.replace("dependency:go-offline", "dependency:go-offline -s settings.xml"),
                files("pom.xml", pom.formatted(""))).contains("jlint does not know what `mvn -s` reads"));
        assertTrue(finding(df.replace("dependency:go-offline", "package"), files("pom.xml", pom.formatted("")))
                .contains("builds the project"));
    }

    @Test
    void bundlerFreezesTheLockThroughEnvOrConfig() throws IOException {
        Map<String, String> ctx = files("Gemfile", "source \"https://rubygems.org\"\ngem \"rack\"\n", "Gemfile.lock",
                "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.1.7)\n");
        String df = "FROM ruby:3.3\nWORKDIR /app\nCOPY . .\nRUN bundle install\n";
        assertTrue(finding(df, ctx).contains("bundle install may rewrite Gemfile.lock"));
        assertTrue(finding(df.replace("WORKDIR", "ENV BUNDLE_DEPLOYMENT=1\nWORKDIR"), ctx).startsWith("FIXED"));
        assertTrue(finding(df.replace("bundle install", "bundle install --gemfile=gems/Gemfile"), ctx)
                .contains("jlint does not know what `bundle install --gemfile=gems/Gemfile`"));
        assertTrue(finding(df.replace("WORKDIR", "ENV BUNDLE_GEMFILE=/app/gems/Gemfile\nWORKDIR"), ctx)
                .contains("BUNDLE_GEMFILE is set"));
        Map<String, String> local = new LinkedHashMap<>(ctx);
        local.put("Gemfile.lock", "PATH\n  remote: engines/billing\n  specs:\n    billing (0.1)\n");
        assertTrue(finding(df.replace("bundle install", "bundle install --frozen"), local)
                .contains("Gemfile.lock installs gems from a path"));
    }

    @Test
    void theRunMayHoldOnlyTheInstallItsCompanionsAndCleanup() throws IOException {
        Map<String, String> ctx = files("package.json", PKG, "package-lock.json", "{}");
        String df = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN %s\n";
        assertTrue(finding(df.formatted("set -eux; npm ci && npm cache clean --force && rm -rf /tmp/*"), ctx)
                .startsWith("FIXED"));
        assertTrue(finding(df.formatted("npm ci && npm run build"), ctx)
                .contains("the install RUN also runs npm, which may read the source"));
        assertTrue(finding(df.formatted("npm ci > install.log"), files("package.json", PKG, "package-lock.json",
                "{}", "install.log", "old")).contains("the redirection >install.log names install.log"));
        assertTrue(finding(df.formatted("./scripts/npm ci"), files("package.json", PKG, "package-lock.json", "{}",
                "scripts/npm", "#!/bin/sh")).contains("runs ./scripts/npm from the build context"));
    }

    @Test
    void withoutTheContextTheFixSaysWhatItNeeds() {
        String src = "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n";
        List<Finding> out = Engine.standard().lint(DockerfileParser.parse("Dockerfile", src), Config.defaults());
        Finding f = out.stream().filter(x -> x.rule().equals("JL101")).findFirst().orElseThrow();
        assertNull(f.fix());
        assertTrue(f.message().endsWith("(jlint fix leaves this alone: " + DependencyReorder.NEEDS_CONTEXT + ")"),
                f.message());
    }
}
