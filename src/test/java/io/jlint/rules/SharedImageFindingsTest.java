package io.jlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jlint.engine.Config;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.image.ImageLint;
import io.jlint.report.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image rules over every image archive of {@code ../shared/testimages}, with the exact findings each must
 * give (one list per image of the archive; {@code RULE} for a config-level finding, {@code RULE@layer} or
 * {@code RULE@layer:/file}). Why each is right:
 * <ul>
 * <li>buildah bb-*: the Containerfiles in {@code testimages/buildah/contexts}; bb-good is clean (its RUN layer
 *     carries buildah's empty {@code etc/hosts}-like files, no finding); every other bb image runs as root except
 *     bb-umoci (user 65534); bb-wasted's second RUN only deletes the 2 MiB the first wrote; bb-overwrite's RUNs
 *     4, 5, 6 are short and consecutive (echo, awk, awk, chmod); bb-opaque's two RUNs are long (4 and 5 commands).
 *     The dockerd builds of the same files give the same findings (no buildah history comments: the first layer
 *     is taken for the base image).</li>
 * <li>dive test images (docker and kaniko builds): busybox base up to its {@code CMD ["sh"]}, then 12 one-command
 *     RUN/ADD steps: consecutive RUNs at 3-8 and 12-13, layer 9 ({@code rm -rf /root/example/}) only deletes what
 *     layers 4 and 5 wrote; runs as root.</li>
 * <li>dockle symbolic: {@code /app/suid.txt} (setuid) and {@code /app/gid.txt} (setgid) are the fixture's
 *     point; {@code once-suid.txt} lost its bit again; its two chmod RUNs are consecutive; root.</li>
 * <li>dockle scratch: {@code USER scratch}, no command, and {@code credentials.json} holds no credential (it is a
 *     Dockerfile): no finding.</li>
 * <li>alpine, busybox (jib), hello-world, jib's java images: run as root, nothing else.</li>
 * <li>ggcr bazel-made images and the dive OCI images: no command, nothing to find.</li>
 * </ul>
 */
class SharedImageFindingsTest {

    static Stream<Arguments> images() {
        return Stream.of(
                Arguments.of("buildah/docker-archive/bb-base.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/docker-archive/bb-good.tar", List.of(List.of())),
                Arguments.of("buildah/docker-archive/bb-good.skopeo.tar", List.of(List.of())),
                Arguments.of("buildah/docker-archive/bb-opaque.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/docker-archive/bb-opaque-vfs.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/docker-archive/bb-overwrite.tar",
                        List.of(List.of("JL1401", "JL1201@4", "JL1201@5", "JL1201@6"))),
                Arguments.of("buildah/docker-archive/bb-umoci.tar", List.of(List.of())),
                Arguments.of("buildah/docker-archive/bb-wasted-squashed.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/docker-archive/bb-wasted.tar", List.of(List.of("JL1401", "JL1202@2"))),
                Arguments.of("buildah/dockerd/bb-good.docker-save.tar", List.of(List.of())),
                Arguments.of("buildah/dockerd/bb-opaque.docker-save.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/dockerd/bb-wasted.docker-save.tar", List.of(List.of("JL1401", "JL1202@2"))),
                Arguments.of("buildah/oci-archive/bb-base.oci.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/oci-archive/bb-good.oci.tar", List.of(List.of())),
                Arguments.of("buildah/oci-archive/bb-opaque.oci.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/oci-archive/bb-opaque-vfs.oci.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/oci-archive/bb-overwrite.oci.tar",
                        List.of(List.of("JL1401", "JL1201@4", "JL1201@5", "JL1201@6"))),
                Arguments.of("buildah/oci-archive/bb-umoci.oci.tar", List.of(List.of())),
                Arguments.of("buildah/oci-archive/bb-wasted-squashed.oci.tar", List.of(List.of("JL1401"))),
                Arguments.of("buildah/oci-archive/bb-wasted.oci.tar", List.of(List.of("JL1401", "JL1202@2"))),
                Arguments.of("dive/test-docker-image.tar", List.of(dive())),
                Arguments.of("dive/test-kaniko-image.tar", List.of(dive())),
                Arguments.of("dive/test-oci-estargz-image.tar", List.of(List.of())),
                Arguments.of("dive/test-oci-gzip-image.tar", List.of(List.of())),
                Arguments.of("dive/test-oci-uncompressed-image.tar", List.of(List.of())),
                Arguments.of("dive/test-oci-zstd-image.tar", List.of(List.of())),
                Arguments.of("dockle/alpine-310.tar.gz", List.of(List.of("JL1401"))),
                Arguments.of("dockle/scratch.tar", List.of(List.of())),
                Arguments.of("dockle/symbolic.tar", List.of(List.of("JL1401", "JL1704@3:/app/suid.txt",
                        "JL1704@5:/app/gid.txt", "JL1201@8"))),
                Arguments.of("ggcr/v1_mutate__overwritten_file.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_mutate__source_image.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_mutate__source_image_with_empty_layer_history.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_mutate__whiteout_dir.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_mutate__whiteout_image.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_tarball__hello-world-v25.tar", List.of(List.of("JL1401"))),
                Arguments.of("ggcr/v1_tarball__test_bundle.tar", List.of(List.of(), List.of())),
                Arguments.of("ggcr/v1_tarball__test_image_1.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_tarball__test_image_2.tar", List.of(List.of())),
                Arguments.of("ggcr/v1_tarball__test_link.tar", List.of(List.of(), List.of())),
                Arguments.of("ggcr/v1_tarball__test_load_manifest.tar", List.of(List.of())),
                Arguments.of("jib/integration-test__busybox-docker.tar", List.of(List.of("JL1401"))),
                Arguments.of("jib/integration-test__busybox-jib.tar", List.of(List.of("JL1401"))),
                Arguments.of("jib/test__extraction_docker-save.tar", List.of(List.of("JL1401"))),
                Arguments.of("jib/test__extraction_jib-image.tar", List.of(List.of("JL1401"))));
    }

    private static List<String> dive() {
        return List.of("JL1401", "JL1201@3", "JL1201@4", "JL1201@5", "JL1201@6", "JL1201@7", "JL1201@8",
                "JL1202@9", "JL1201@12", "JL1201@13");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void findings(String rel, List<List<String>> expected) {
        Path p = Path.of(System.getProperty("jlint.shared", "../shared")).resolve("testimages").resolve(rel);
        List<List<String>> got = new ArrayList<>();
        for (Result r : ImageLint.lint(p, Config.defaults())) {
            List<String> l = new ArrayList<>();
            for (Finding f : r.findings()) {
                Location.InImage in = (Location.InImage) f.location();
                l.add(f.rule() + (in.layer() == null ? "" : "@" + in.layer()) + (in.file() == null ? "" : ":" + in.file()));
            }
            got.add(l);
        }
        assertEquals(expected, got);
    }
}
