package io.jlint.precommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook of this repository, used the way users use it: a scratch git repository whose
 * {@code .pre-commit-config.yaml} points at this checkout's HEAD; pre-commit clones it, the hook's launcher builds
 * the jar in the clone, and committing a Dockerfile with a finding fails while a clean one passes. Needs git and
 * pre-commit (Debian's {@code pre-commit} package): skipped without them, except in CI ({@code CI=true}), where
 * their absence is a failure.
 */
class PreCommitHookTest {

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path tmp;

    private record Run(int status, String output) {
    }

    private Run run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void need(boolean ok, String why) {
        if (!ok) {
            if (CI) {
                fail(why + " (CI=true: .ci/run must install it)");
            }
            Assumptions.abort(why + ": skipping the pre-commit hook test (it fails instead when CI=true)");
        }
    }

    @Test
    void commitFailsOnFindingsAndPassesWhenClean() throws Exception {
        need(onPath("git"), "git is not installed");
        need(onPath("pre-commit"), "pre-commit is not installed (apt-get install pre-commit)");
        Path checkout = Path.of("").toAbsolutePath();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path gitConfig = Files.writeString(home.resolve(".gitconfig"), "");
        Map<String, String> env = Map.of(
                "HOME", home.toString(),
                "GIT_CONFIG_GLOBAL", gitConfig.toString(),
                "GIT_CONFIG_NOSYSTEM", "1",
                "PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString(),
                "PRE_COMMIT_COLOR", "never",
                "GIT_AUTHOR_NAME", "jlint test", "GIT_AUTHOR_EMAIL", "test@example.com",
                "GIT_COMMITTER_NAME", "jlint test", "GIT_COMMITTER_EMAIL", "test@example.com");
        Run head = run(checkout, env, "git", "rev-parse", "HEAD");
        need(head.status() == 0, "this checkout is not a git repository");
        String sha = head.output().strip();
        Run hooks = run(checkout, env, "git", "cat-file", "-e", sha + ":.pre-commit-hooks.yaml");
        assertEquals(0, hooks.status(), "HEAD has no .pre-commit-hooks.yaml (commit it first)");

        Path repo = Files.createDirectories(tmp.resolve("repo"));
        assertEquals(0, run(repo, env, "git", "init", "-q").status());
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: jlint
                """.formatted(checkout.toUri().toString(), sha));
        Run install = run(repo, env, "pre-commit", "install");
        assertEquals(0, install.status(), install.output());

        Files.writeString(repo.resolve("Dockerfile"), "FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n"
                + "USER nobody\nCMD [\"true\"]\n");
        Files.writeString(repo.resolve("README.md"), "not a Dockerfile: the hook must not see it\n");
        assertEquals(0, run(repo, env, "git", "add", ".").status());
        Run bad = run(repo, env, "git", "commit", "-q", "-m", "bad");
        assertNotEquals(0, bad.status(), "the commit must fail:\n" + bad.output());
        assertTrue(bad.output().contains("Dockerfile:2:1: warning [JL901] MAINTAINER is deprecated"), bad.output());
        assertTrue(!bad.output().contains("README.md"), bad.output());

        Files.writeString(repo.resolve("Dockerfile"), "FROM alpine:3.20\n"
                + "LABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"\nUSER nobody\nCMD [\"true\"]\n");
        assertEquals(0, run(repo, env, "git", "add", ".").status());
        Run good = run(repo, env, "git", "commit", "-q", "-m", "good");
        assertEquals(0, good.status(), "the commit must pass:\n" + good.output());
        assertTrue(good.output().contains("jlint") && good.output().contains("Passed"), good.output());
        Run log = run(repo, env, "git", "log", "--format=%s");
        assertEquals(List.of("good"), log.output().lines().toList());
    }
}
