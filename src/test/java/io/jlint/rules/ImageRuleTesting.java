package io.jlint.rules;

import io.jlint.engine.Config;
import io.jlint.engine.ConfigLoader;
import io.jlint.engine.Engine;
import io.jlint.engine.Finding;
import io.jlint.engine.Location;
import io.jlint.engine.RuleCatalogue;
import io.jlint.image.ImageLint;
import io.jlint.image.ImageModel;
import io.jlint.image.ImageOptions;
import io.jlint.image.ImageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs the image rules over the tiny images of {@code testdata/image/<ID>/*.yaml} ({@link ImageSpec}), each built
 * as a docker-archive and as an OCI archive, and compares the findings with the spec's {@code expect:} list.
 */
public final class ImageRuleTesting {
    private ImageRuleTesting() {
    }

    public static final Path TESTDATA = Path.of("testdata", "image");

    /** Every finding of every rule for the image the spec describes, in the given format. */
    public static List<Finding> lint(ImageSpec spec, ImageSpec.Format format) throws IOException {
        Path dir = Files.createTempDirectory("jlint-spec");
        try {
            Path archive = spec.write(dir, format);
            Config config = spec.jlintYaml() == null ? Config.defaults()
                    : new ConfigLoader(RuleCatalogue.standard(), null).parse(spec.name() + " (jlint:)",
                    spec.jlintYaml().getBytes(StandardCharsets.UTF_8));
            List<Finding> out = new ArrayList<>();
            for (ImageModel m : ImageLint.analyze(archive, ImageOptions.defaults().withThreads(1), null)) {
                out.addAll(Engine.standard().check(m, spec.name(), config));
            }
            return out;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Checks a spec in both formats; returns the mismatches (empty: as expected). */
    public static List<String> check(Path file) throws IOException {
        ImageSpec spec = ImageSpec.read(file);
        List<String> problems = new ArrayList<>();
        for (ImageSpec.Format f : ImageSpec.Format.values()) {
            compare(spec.expected(), lint(spec, f), f.name().toLowerCase().replace('_', '-'), problems);
        }
        return problems;
    }

    static void compare(List<ImageSpec.Expected> expected, List<Finding> findings, String format,
                        List<String> problems) {
        List<Finding> left = new ArrayList<>(findings);
        for (ImageSpec.Expected e : expected) {
            Finding hit = null;
            for (Finding f : left) {
                if (meets(f, e)) {
                    hit = f;
                    break;
                }
            }
            if (hit == null) {
                problems.add(format + ": expected " + e + ", not found");
            } else {
                left.remove(hit);
            }
        }
        for (Finding f : left) {
            problems.add(format + ": unexpected " + describe(f));
        }
    }

    static boolean meets(Finding f, ImageSpec.Expected e) {
        if (!(f.location() instanceof Location.InImage in)) {
            return false;
        }
        return f.rule().equalsIgnoreCase(e.rule()) && Objects.equals(in.layer(), e.layer())
                && Objects.equals(in.file(), e.file()) && (e.message() == null || f.message().contains(e.message()));
    }

    static String describe(Finding f) {
        Location.InImage in = (Location.InImage) f.location();
        return "{rule: " + f.rule() + ", layer: " + in.layer() + (in.file() == null ? "" : ", file: " + in.file())
                + "}  " + f.message();
    }

    /** Every {@code *.yaml} under testdata/image, sorted. */
    static List<Path> testFiles() throws IOException {
        if (!Files.isDirectory(TESTDATA)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(TESTDATA)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml")).sorted()
                    .toList();
        }
    }
}
