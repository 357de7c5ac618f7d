package io.jlint.rules.dockerfile.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.LineIndex;
import io.jlint.dockerfile.model.MappedText;
import io.jlint.dockerfile.shell.ShellParser;
import io.jlint.dockerfile.shell.ShellScript;
import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.rules.dockerfile.support.PackageManagers.Action;
import io.jlint.rules.dockerfile.support.PackageManagers.Invocation;
import io.jlint.rules.dockerfile.support.PackageManagers.Manager;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageManagersTest {

    static SimpleCommand cmd(String text) {
        ShellScript s = ShellParser.parse(MappedText.contiguous(text, 0, LineIndex.of(text)));
        assertTrue(s.complete(), "parsed: " + text);
        return s.commands().get(0);
    }

    static Invocation inv(String text) {
        Optional<Invocation> i = PackageManagers.invocation(cmd(text));
        assertTrue(i.isPresent(), "a package-manager call: " + text);
        return i.get();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "apt-get install -y curl                                        | APT_GET  | INSTALL      | install",
        "sudo -E apt-get -qq update                                     | APT_GET  | UPDATE_INDEX | update",
        "DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold install -y x | APT_GET | INSTALL | install",
        "apt-get -t bookworm-backports install -y golang                | APT_GET  | INSTALL      | install",
        "apt full-upgrade -y                                            | APT      | UPGRADE      | full-upgrade",
        "apt-get dist-clean                                             | APT_GET  | CLEAN        | dist-clean",
        "aptitude safe-upgrade -y                                       | APTITUDE | UPGRADE      | safe-upgrade",
        "apk --no-cache add curl                                        | APK      | INSTALL      | add",
        "apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add x | APK     | INSTALL      | add",
        "xargs -rt apk add --no-network --virtual .rundeps              | APK      | INSTALL      | add",
        "apk update                                                     | APK      | UPDATE_INDEX | update",
        "apk del --no-network .build-deps                               | APK      | REMOVE       | del",
        "dnf -y --setopt=tsflags=nodocs install python3                 | DNF      | INSTALL      | install",
        "yum groupinstall -y 'Development Tools'                        | YUM      | INSTALL      | groupinstall",
        "dnf module install -y nodejs:18                                | DNF      | INSTALL      | module install",
        "dnf clean --disableplugin=subscription-manager all             | DNF      | CLEAN        | clean",
        "yum -y update                                                  | YUM      | UPGRADE      | update",
        "dnf makecache                                                  | DNF      | UPDATE_INDEX | makecache",
        "microdnf install -y tar                                        | MICRODNF | INSTALL      | install",
        "tdnf install -y wget                                           | TDNF     | INSTALL      | install",
        "zypper -n in git                                               | ZYPPER   | INSTALL      | in",
        "zypper --non-interactive refresh                               | ZYPPER   | UPDATE_INDEX | refresh",
        "zypper cc -a                                                   | ZYPPER   | CLEAN        | cc",
        "python3 -m pip install --no-cache-dir flask                    | PIP      | INSTALL      | install",
        "python3.12 -u -m pip install -r requirements.txt               | PIP      | INSTALL      | install",
        "pip3.11 install x                                              | PIP      | INSTALL      | install",
        "/opt/venv/bin/pip install -r /tmp/r.txt                        | PIP      | INSTALL      | install",
        "pip cache purge                                                | PIP      | CLEAN        | cache purge",
        "uv pip install --system ruff                                   | UV       | INSTALL      | pip install",
        "uv sync --frozen                                               | UV       | INSTALL      | sync",
        "uv cache clean                                                 | UV       | CLEAN        | cache clean",
        "pipenv install --deploy --system                               | PIPENV   | INSTALL      | install",
        "poetry install --no-root                                       | POETRY   | INSTALL      | install",
        "mamba install -y -c conda-forge numpy                          | CONDA    | INSTALL      | install",
        "npm ci --omit=dev                                              | NPM      | INSTALL      | ci",
        "npm i -g pm2                                                   | NPM      | INSTALL      | i",
        "npm run build                                                  | NPM      | OTHER        | run",
        "npm cache clean --force                                        | NPM      | CLEAN        | cache clean",
        "yarn                                                           | YARN     | INSTALL      | ''",
        "yarn --frozen-lockfile                                         | YARN     | INSTALL      | ''",
        "yarn build                                                     | YARN     | OTHER        | build",
        "yarn global add @vue/cli                                       | YARN     | INSTALL      | global add",
        "pnpm install --frozen-lockfile                                 | PNPM     | INSTALL      | install",
        "gem install bundler -v 2.5.0                                   | GEM      | INSTALL      | install",
        "bundle install --jobs 4                                        | BUNDLER  | INSTALL      | install",
        "bundle                                                         | BUNDLER  | INSTALL      | ''",
        "bundle --version                                               | BUNDLER  | OTHER        | ''",
        "yarn -v                                                        | YARN     | OTHER        | ''",
        "composer install --no-dev                                      | COMPOSER | INSTALL      | install",
        "php composer.phar install                                      | COMPOSER | INSTALL      | install",
        "cargo build --release                                          | CARGO    | BUILD        | build",
        "cargo install ripgrep                                          | CARGO    | INSTALL      | install",
        "go mod download                                                | GO       | INSTALL      | mod download",
        "go build -o /out/app -ldflags '-s -w' .                        | GO       | BUILD        | build",
        "env PIP_NO_CACHE_DIR=1 nice -n 5 pip install x                 | PIP      | INSTALL      | install",
    })
    void classifies(String text, Manager manager, Action action, String subcommand) {
        Invocation i = inv(text.trim());
        assertEquals(manager, i.manager());
        assertEquals(action, i.action());
        assertEquals(subcommand, i.subcommand());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "command -v apt-get",
        "echo apt-get install -y curl",
        "apt-cache policy curl",
        "pipx install black",
        "\"$PIP\" install x",
        "dpkg -i x.deb",
    })
    void notAPackageManagerCall(String text) {
        assertFalse(PackageManagers.invocation(cmd(text)).isPresent(), text);
    }

    @Test
    void optionsKnowWhichTakeValues() {
        assertTrue(inv("apt-get -qqy install x").hasOption("-y"));
        assertTrue(inv("apt-get install -qy x").hasOption("-q"));
        // -o takes the rest of the cluster as its value: no -y hidden in it
        Invocation o = inv("apt-get -oAPT::Get::Assume-Yes=true install x");
        assertFalse(o.hasOption("-y"));
        assertEquals("APT::Get::Assume-Yes=true", o.optionValue("-o"));
        assertEquals(List.of("x"), o.operands().stream().map(w -> w.value()).toList());
        // apk --virtual NAME is not a package
        assertEquals(List.of("gcc", "make"), inv("apk add --virtual .build-deps gcc make").operands().stream()
                .map(w -> w.value()).toList());
        assertEquals(List.of("gcc"), inv("apk add -t .build-deps gcc").operands().stream()
                .map(w -> w.value()).toList());
        // pip -r FILE is no package either
        assertTrue(inv("pip install -r requirements.txt").operands().isEmpty());
        assertEquals("2", inv("apt-get -q=2 install x").optionValue("-q"));
        assertEquals("1", inv("PIP_NO_CACHE_DIR=1 pip install x").inlineEnv().get("PIP_NO_CACHE_DIR"));
    }

    @Test
    void installsIsForCacheBustingRules() {
        assertTrue(PackageManagers.installs(cmd("npm ci")));
        assertTrue(PackageManagers.installs(cmd("pip install -r requirements.txt")));
        assertTrue(PackageManagers.installs(cmd("go mod download")));
        assertTrue(PackageManagers.installs(cmd("bundle install")));
        assertTrue(PackageManagers.installs(cmd("apt-get install -y git")));
        assertFalse(PackageManagers.installs(cmd("npm run build")));
        assertFalse(PackageManagers.installs(cmd("apt-get update")));
        assertFalse(PackageManagers.installs(cmd("yarn test")));
    }

    @Test
    void cachesFilled() {
        RunEnv none = RunEnv.empty();
        assertEquals(PackageCache.APT_LISTS, only(inv("apt-get update"), none, false));
        assertTrue(PackageCache.fills(inv("apt-get install -y x"), none, false).isEmpty(),
                "docker-clean removes the .deb files");
        assertEquals(PackageCache.APT_ARCHIVES, only(inv("apt-get install -y x"), none, true));
        assertEquals(PackageCache.APK, only(inv("apk add curl"), none, false));
        assertTrue(PackageCache.fills(inv("apk add --no-cache curl"), none, false).isEmpty());
        assertTrue(PackageCache.fills(inv("apk add --no-network --virtual .rd so:libc.so"), none, false).isEmpty());
        assertEquals(PackageCache.RPM, only(inv("microdnf install -y tar"), none, false));
        assertTrue(PackageCache.fills(inv("dnf -C install -y tar"), none, false).isEmpty());
        assertEquals(PackageCache.PIP, only(inv("pip install x"), none, false));
        assertTrue(PackageCache.fills(inv("pip install --no-cache x"), none, false).isEmpty(), "abbreviation");
        assertTrue(PackageCache.fills(inv("PIP_NO_CACHE_DIR=1 pip install x"), none, false).isEmpty());
        RunEnv env = new RunEnv(java.util.Map.of("PIP_NO_CACHE_DIR", "true"), null, null, List.of());
        assertTrue(PackageCache.fills(inv("pip install x"), env, false).isEmpty());
        RunEnv off = new RunEnv(java.util.Map.of("PIP_NO_CACHE_DIR", "off"), null, null, List.of());
        assertEquals(PackageCache.PIP, only(inv("pip install x"), off, false));
        RunEnv dir = new RunEnv(java.util.Map.of("PIP_CACHE_DIR", "/var/cache/pip"), null, null, List.of());
        assertEquals(List.of("/var/cache/pip"), PackageCache.fills(inv("pip install x"), dir, false).get(0).paths());
        assertEquals(List.of("~/.cache/pip"), PackageCache.fills(inv("pip install x"), none, false).get(0).paths());
        assertEquals(List.of("/tmp/npm"), PackageCache.fills(inv("npm ci --cache /tmp/npm"), none, false).get(0)
                .paths());
        assertTrue(PackageCache.fills(inv("uv sync --no-cache"), none, false).isEmpty());
        assertTrue(PackageCache.fills(inv("composer install --no-cache"), none, false).isEmpty());
        assertTrue(PackageCache.fills(inv("npm run build"), none, false).isEmpty());
    }

    private static PackageCache only(Invocation i, RunEnv env, boolean keep) {
        List<PackageCache.Fill> f = PackageCache.fills(i, env, keep);
        assertEquals(1, f.size(), f.toString());
        return f.get(0).cache();
    }

    @Test
    void cleanupSubcommands() {
        assertEquals(java.util.Set.of(PackageCache.APT_ARCHIVES), PackageCache.cleanedBy(cmd("apt-get clean")));
        assertEquals(java.util.Set.of(PackageCache.APT_ARCHIVES, PackageCache.APT_LISTS),
                PackageCache.cleanedBy(cmd("apt-get dist-clean")));
        assertEquals(java.util.Set.of(PackageCache.RPM), PackageCache.cleanedBy(cmd("yum clean all")));
        assertEquals(java.util.Set.of(PackageCache.RPM),
                PackageCache.cleanedBy(cmd("dnf clean --disableplugin=subscription-manager all")));
        assertTrue(PackageCache.cleanedBy(cmd("yum clean packages")).isEmpty(), "metadata stays");
        assertEquals(java.util.Set.of(PackageCache.NPM), PackageCache.cleanedBy(cmd("npm cache clean --force")));
        assertEquals(java.util.Set.of(PackageCache.ZYPPER), PackageCache.cleanedBy(cmd("zypper clean")));
        assertTrue(PackageCache.cleanedBy(cmd("rm -rf /var/lib/apt/lists/*")).isEmpty(), "paths are separate");
    }
}
