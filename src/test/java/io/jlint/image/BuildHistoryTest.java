package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.image.BuildHistory.Kind;
import io.jlint.image.BuildHistory.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** created_by texts of the classic builder, buildah, BuildKit and kaniko, and the base-image boundary. */
class BuildHistoryTest {

    static Step step(String createdBy) {
        return BuildHistory.parse(0, 0, new HistoryEntry(null, createdBy, null, null, false, false));
    }

    @Test
    void classicBuilderAndBuildah() {
        Step run = step("/bin/sh -c apt-get update && apt-get install -y curl");
        assertEquals(Kind.RUN, run.kind());
        assertEquals("apt-get update && apt-get install -y curl", run.script());
        Step copy = step("/bin/sh -c #(nop) COPY file:efcd39 in /usr/local/bin/hello.sh ");
        assertEquals(Kind.COPY, copy.kind());
        assertEquals("file:efcd39 in /usr/local/bin/hello.sh", copy.body());
        assertEquals(Kind.CMD, step("/bin/sh -c #(nop)  CMD [\"sh\"]").kind());
        assertEquals(Kind.HEALTHCHECK, step("/bin/sh -c #(nop)  HEALTHCHECK &{[\"CMD\" \"/bin/true\"] \"30s\"}").kind());
        assertEquals(Kind.COPY, step("/bin/sh -c #(nop) COPY --chown=10001:10001file:3689 in /app/app ").kind());
        Step args = step("|2 NPM_TOKEN=abc VERSION=1.2 /bin/sh -c npm ci");
        assertEquals(Kind.RUN, args.kind());
        assertEquals("npm ci", args.script());
        assertEquals(Map.of("NPM_TOKEN", "abc", "VERSION", "1.2"), args.buildArgs());
        Step bash = step("/bin/bash -o pipefail -c curl -fsSL x | sh");
        assertEquals("curl -fsSL x | sh", bash.script());
        assertEquals("true", step("/bin/sh -ec true").script());
        Step windows = step("cmd /S /C powershell -Command Install-Thing");
        assertEquals(Kind.RUN, windows.kind());
        assertNull(windows.script());
    }

    @Test
    void buildkitAndKaniko() {
        Step run = step("RUN /bin/sh -c npm ci # buildkit");
        assertEquals(Kind.RUN, run.kind());
        assertEquals("npm ci", run.script());
        Step args = step("RUN |1 TOKEN=x /bin/sh -c make # buildkit");
        assertEquals("make", args.script());
        assertEquals(Map.of("TOKEN", "x"), args.buildArgs());
        assertEquals(". .", step("COPY . . # buildkit").body());
        assertEquals(Kind.CMD, step("CMD [\"/hello\"]").kind());
        assertEquals(Kind.WORKDIR, step("WORKDIR /app").kind());
        Step kaniko = step("RUN mkdir -p /root/example/really/nested");
        assertEquals("mkdir -p /root/example/really/nested", kaniko.script());
        assertEquals(Kind.ADD, step("ADD README.md /somefile.txt").kind());
        Step exec = step("RUN [\"echo\", \"hi\"]");
        assertEquals(Kind.RUN, exec.kind());
        assertNull(exec.script());
    }

    @Test
    void descriptionsLeaveOutContentHashes() {
        assertEquals("COPY … /usr/local/bin/hello.sh", step("/bin/sh -c #(nop) COPY file:efcd3907202e095db0921ea8e056"
                + "73560d179da99310b17f8e06d35761d88819 in /usr/local/bin/hello.sh ").describe(60));
        assertEquals("COPY --chown=10001:10001… /app/app", step("/bin/sh -c #(nop) COPY --chown=10001:10001file:3689759"
                + "1134361850447a26be4dc81fc144e7723779afd85bc3c21f0056b69c6 in /app/app ").describe(60));
        assertEquals("COPY . .", step("COPY . . # buildkit").describe(60));
        assertEquals("RUN apt-get upd…", step("/bin/sh -c apt-get update").describe(16));
        assertEquals("import of rootfs", step("import of rootfs").describe(60));
    }

    @Test
    void otherTools() {
        for (String s : List.of("import of rootfs-busybox", "bazel build ...", "umoci repack",
                "jib-gradle-plugin:1.4.1-SNAPSHOT", "", "run something lowercase")) {
            assertEquals(Kind.OTHER, step(s).kind(), s);
        }
    }

    static HistoryEntry h(String createdBy, boolean empty, String comment) {
        return new HistoryEntry(null, createdBy, comment, null, empty, false);
    }

    @Test
    void boundaryFromBuildahComment() {
        List<HistoryEntry> l = List.of(h("import of rootfs", false, null),
                h("/bin/sh -c #(nop) LABEL a=b", true, "FROM localhost/busybox-base:1"),
                h("/bin/sh -c echo x", false, "FROM b85aeda40836"),
                h("/bin/sh -c #(nop) CMD [\"x\"]", true, "FROM 1f9fef9a5f65"));
        BuildHistory b = BuildHistory.of(l, 2);
        assertTrue(b.boundaryKnown());
        assertEquals(1, b.firstUserLayer());
        assertFalse(b.isUserLayer(0));
        assertTrue(b.isUserLayer(1));
    }

    @Test
    void boundaryAfterTheBaseImagesCmd() {
        List<HistoryEntry> l = new ArrayList<>(List.of(h("/bin/sh -c #(nop) ADD file:1 in / ", false, null),
                h("/bin/sh -c apt-get update", false, null), h("/bin/sh -c #(nop)  CMD [\"bash\"]", true, null),
                h("/bin/sh -c make", false, null), h("/bin/sh -c #(nop)  CMD [\"app\"]", true, null)));
        BuildHistory b = BuildHistory.of(l, 3);
        assertTrue(b.boundaryKnown());
        assertEquals(2, b.firstUserLayer());
        assertEquals(Kind.RUN, b.layer(2).kind());
    }

    @Test
    void withoutMarkersOnlyTheFirstLayerIsBase() {
        BuildHistory b = BuildHistory.of(List.of(h("import", false, null), h("/bin/sh -c x", false, null)), 2);
        assertFalse(b.boundaryKnown());
        assertEquals(1, b.firstUserLayer());
        BuildHistory missing = BuildHistory.of(List.of(), 3);
        assertEquals(Kind.OTHER, missing.layer(2).kind());
        assertEquals(1, missing.firstUserLayer());
    }
}
