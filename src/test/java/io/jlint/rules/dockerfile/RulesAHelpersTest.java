package io.jlint.rules.dockerfile;

import io.jlint.fix.JsonArrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.engine.Config;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small pieces the rules-a rules stand on: variable expansion, root detection, the non-root image list. */
class RulesAHelpersTest {

    @Test
    void expandsLikeBuildKit() {
        Map<String, String> vars = new HashMap<>();
        vars.put("USER", "app");
        vars.put("EMPTY", "");
        vars.put("UNSET", null); // declared ARG without default
        assertEquals("app", BuildChain.expand("$USER", vars));
        assertEquals("app:app", BuildChain.expand("${USER}:${USER}", vars));
        assertEquals("root", BuildChain.expand("${MISSING:-root}", vars));
        assertEquals("x", BuildChain.expand("${EMPTY:-x}", vars));
        assertEquals("", BuildChain.expand("${EMPTY-x}", vars));
        assertEquals("yes", BuildChain.expand("${USER:+yes}", vars));
        assertEquals("", BuildChain.expand("${MISSING:+yes}", vars));
        assertEquals("$USER", BuildChain.expand("\\$USER", vars));
        assertNull(BuildChain.expand("$MISSING", vars));
        assertNull(BuildChain.expand("${UNSET:-root}", vars), "a --build-arg may set it");
        assertNull(BuildChain.expand("${USER#a}", vars), "operators it does not evaluate");
    }

    @Test
    void rootUsers() {
        for (String u : List.of("root", "0", "0:0", "root:root", "000", " root ", "root:staff")) {
            assertTrue(RootUser.isRoot(u), u);
        }
        for (String u : List.of("app", "1000", "nobody:root", "10:0", "rootless", "", "65532:65532")) {
            assertFalse(RootUser.isRoot(u), u);
        }
        assertFalse(RootUser.isRoot(null));
    }

    @Test
    void nonRootImages() {
        for (String i : List.of("gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless/java17:debug-nonroot",
                "docker:27-dind-rootless", "cgr.dev/chainguard/python:latest", "bitnami/postgresql:16",
                "docker.io/bitnami/redis:7.2", "nginxinc/nginx-unprivileged:1.25-alpine", "jenkins/jenkins:lts-jdk17",
                "quay.io/jupyter/base-notebook:2024-01-01", "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled",
                "registry.access.redhat.com/ubi9/nodejs-20:latest", "prom/prometheus:v2.51.0")) {
            assertTrue(RootUser.nonRootImage(i), i);
        }
        for (String i : List.of("node:20-alpine", "python:3.12", "gcr.io/distroless/static-debian12",
                "cgr.dev/chainguard/python:latest-dev", "bitnami/minideb:bookworm", "nginx:1.25", "postgres:16",
                "mcr.microsoft.com/dotnet/aspnet:8.0", "registry.access.redhat.com/ubi9/ubi:9.3", "scratch")) {
            assertFalse(RootUser.nonRootImage(i), i);
        }
    }

    @Test
    void shellScriptElement() {
        assertEquals(2, StartCommand.shellScriptIndex(List.of("sh", "-c", "node app.js")));
        assertEquals(2, StartCommand.shellScriptIndex(List.of("/bin/bash", "-ec", "x")));
        assertEquals(3, StartCommand.shellScriptIndex(List.of("bash", "-l", "-c", "x")));
        assertEquals(-1, StartCommand.shellScriptIndex(List.of("bash", "script.sh", "-c")));
        assertEquals(-1, StartCommand.shellScriptIndex(List.of("python", "-c", "print(1)")));
        assertEquals(-1, StartCommand.shellScriptIndex(List.of("sh", "-c")));
    }

    @Test
    void singleQuotedArrays() {
        assertEquals(List.of("npm", "start"), JsonArrays.readQuoted("['npm', 'start']"));
        assertEquals(List.of("a b", "c"), JsonArrays.readQuoted("[ 'a b' , \"c\" ]"));
        assertNull(JsonArrays.readQuoted("[npm, start]"));
        assertNull(JsonArrays.readQuoted("npm start"));
        assertEquals("[\"a\\\"b\", \"c\\\\d\"]", JsonArrays.write(List.of("a\"b", "c\\d")));
    }

    @Test
    void builtStageFollowsTarget() {
        String text = """
                FROM python:3.12-slim AS prod
                RUN useradd --uid 10001 app
                USER app
                CMD ["python", "-m", "app"]

                FROM prod AS debug
                USER root
                CMD python -m debugpy --listen 0.0.0.0:5678 -m app
                """;
        Dockerfile df = DockerfileParser.parse("Dockerfile", text);
        assertEquals(List.of(7), lines(new Jl401RunsAsRoot(), df, null));
        assertEquals(List.of(), lines(new Jl401RunsAsRoot(), df, "prod"));
        assertEquals(List.of(8), lines(new Jl501ShellFormCmd(), df, null));
        assertEquals(List.of(), lines(new Jl501ShellFormCmd(), df, "prod"));
    }

    private static List<Integer> lines(Rule<Dockerfile> rule, Dockerfile df, String target) {
        Config config = new Config(Set.of(), Map.of(), Severity.INFO, target, List.of(), List.of(),
                Config.ImageThresholds.defaults());
        RuleContext ctx = () -> config;
        List<Integer> out = new ArrayList<>();
        FindingSink sink = (location, message, fix) -> out.add(
                ((io.jlint.engine.Location.Source) location).span().startLine());
        rule.check(df, ctx, sink);
        return out;
    }
}
