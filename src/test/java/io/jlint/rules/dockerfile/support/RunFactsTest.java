package io.jlint.rules.dockerfile.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFactsTest {

    private static List<RunFacts> chain(String text) {
        Dockerfile df = DockerfileParser.parse("Dockerfile", text);
        return RunFacts.chain(df, RunFacts.layerChain(df, null));
    }

    private static boolean leftAny(RunFacts f) {
        return f.fills().stream().anyMatch(RunFacts.FillAt::left);
    }

    @Test
    void layerChainIsTargetAndItsBases() {
        Dockerfile df = DockerfileParser.parse("Dockerfile", """
                FROM alpine:3.20 AS base
                FROM golang:1.22 AS build
                FROM base AS final
                COPY --from=build /x /x
                """);
        assertEquals(List.of("base", "final"), RunFacts.layerChain(df, null).stream().map(s -> s.name()).toList());
        assertEquals(List.of("build"), RunFacts.layerChain(df, "build").stream().map(s -> s.name()).toList());
    }

    @Test
    void cleanupOrderMatters() {
        List<RunFacts> runs = chain("""
                FROM debian:bookworm
                RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*
                RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y y
                RUN if true; then apt-get update; apt-get install -y z; rm -rf /var/lib/apt/lists/*; fi
                """);
        assertFalse(leftAny(runs.get(0)));
        assertTrue(leftAny(runs.get(1)));
        assertFalse(leftAny(runs.get(2)));
    }

    @Test
    void environmentAcrossStagesAndExports() {
        List<RunFacts> runs = chain("""
                FROM python:3.12 AS base
                ENV PIP_NO_CACHE_DIR=1
                FROM base
                RUN pip install flask
                ARG PIP_NO_CACHE_DIR=0
                RUN export PIP_NO_CACHE_DIR=yes && pip install x
                """);
        assertFalse(leftAny(runs.get(0)), "ENV of the base stage is inherited");
        assertFalse(leftAny(runs.get(1)), "export counts");
    }

    @Test
    void mountsAndScripts() {
        List<RunFacts> runs = chain("""
                FROM debian:bookworm
                RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y x
                RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x
                RUN apt-get update && bash /tmp/setup.sh
                RUN sh -c 'apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*'
                """);
        assertFalse(leftAny(runs.get(0)));
        assertTrue(leftAny(runs.get(1)), "the lists are not under /var/cache/apt");
        assertFalse(leftAny(runs.get(2)), "a script may clean up");
        assertFalse(leftAny(runs.get(3)), "the nested script cleans");
    }

    @Test
    void downloadsFollowCdAndTempDirs() {
        List<RunFacts> runs = chain("""
                FROM debian:bookworm
                WORKDIR /src
                RUN curl -fsSLO https://x/a.tgz && tar xzf a.tgz && rm /src/a.tgz
                RUN cd /tmp && curl -fsSLO https://x/b.tgz && tar xzf /tmp/b.tgz
                RUN tmp="$(mktemp -d)" && cd "$tmp" && wget https://x/c.zip && unzip c.zip && rm -rf "${tmp}"
                RUN curl -fsSL -o /usr/local/bin/tool https://x/tool && chmod +x /usr/local/bin/tool
                """);
        assertFalse(runs.get(0).downloads().get(0).leftUnpacked());
        assertTrue(runs.get(1).downloads().get(0).leftUnpacked());
        assertFalse(runs.get(2).downloads().get(0).leftUnpacked());
        assertFalse(runs.get(3).downloads().get(0).leftUnpacked(), "not unpacked: the product");
    }

    @Test
    void cleanupInAFunctionCountsWhereItIsCalled() {
        List<RunFacts> runs = chain("""
                FROM debian:bookworm
                RUN cleanup() { rm -rf /var/lib/apt/lists/*; }; apt-get update && apt-get install -y z && cleanup
                """);
        assertFalse(leftAny(runs.get(0)));
    }

    @Test
    void dockerCleanSwitchedOff() {
        List<RunFacts> runs = chain("""
                FROM debian:bookworm
                RUN rm -f /etc/apt/apt.conf.d/docker-clean
                RUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*
                RUN apt-get update && apt-get install -y x && apt-get clean && rm -rf /var/lib/apt/lists/*
                """);
        assertTrue(leftAny(runs.get(1)));
        assertFalse(leftAny(runs.get(2)));
    }

    @Test
    void windowsAndExecFormAreNotAnalysed() {
        assertFalse(chain("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl -o a.zip https://x/a.zip\n")
                .get(0).analysable());
        assertFalse(chain("FROM debian:bookworm\nRUN [\"apt-get\", \"update\"]\n").get(0).analysable());
        assertFalse(chain("FROM debian:bookworm\nSHELL [\"pwsh\", \"-c\"]\nRUN apt-get update\n").get(0)
                .analysable());
    }
}
