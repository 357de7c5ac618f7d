package io.jlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(RuleCatalogue.standard(), null);

    private Config parse(String yaml) {
        return loader.parse(".jlint.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private InputException error(String yaml) {
        return assertThrows(InputException.class, () -> parse(yaml));
    }

    @Test
    void readsEveryKey() {
        Config c = parse("""
                # comments are fine
                ignore: [maintainer-deprecated]
                severity:
                  jl901: error
                failOn: warning
                target: runtime
                trustedRegistries: [docker.io, ghcr.io]
                requiredLabels:
                  - org.opencontainers.image.source
                image:
                  lowestEfficiency: 0.9
                  highestWastedBytes: 20MB
                  highestUserWastedPercent: 0.1
                  maxLayerBytes: 1GiB
                """);
        assertEquals(Set.of("JL901"), c.ignored(), "names resolve to ids");
        assertEquals(Map.of("JL901", Severity.ERROR), c.severities(), "ids match in any case");
        assertEquals(Severity.WARNING, c.failOn());
        assertEquals("runtime", c.target());
        assertEquals(List.of("docker.io", "ghcr.io"), c.trustedRegistries());
        assertEquals(List.of("org.opencontainers.image.source"), c.requiredLabels());
        assertEquals(0.9, c.image().lowestEfficiency());
        assertEquals(20_000_000L, c.image().highestWastedBytes());
        assertEquals(0.1, c.image().highestUserWastedPercent());
        assertEquals(1L << 30, c.image().maxLayerBytes());
    }

    @Test
    void emptyFileAndUnsetKeysGiveDefaults() {
        assertEquals(Config.defaults(), parse(""));
        assertEquals(Config.defaults(), parse("# nothing yet\n"));
        Config c = parse("failOn: none\nimage: {highestWastedBytes: disabled, lowestEfficiency: 1}\n");
        assertNull(c.failOn(), "none: never fail on findings");
        assertNull(c.image().highestWastedBytes());
        assertEquals(1.0, c.image().lowestEfficiency());
        assertEquals(Config.defaults().image().maxLayerBytes(), c.image().maxLayerBytes());
        assertEquals("0", parse("target: 0").target(), "a stage index");
    }

    @Test
    void unknownKeyNamesItsPosition() {
        InputException e = error("failOn: error\nignroe: [JL901]\n");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().startsWith(".jlint.yaml:2:1: unknown key 'ignroe' (known: ignore,"), e.getMessage());
        InputException nested = error("image:\n  lowestEfficency: 0.5\n");
        assertEquals(".jlint.yaml:2:3: unknown key 'image.lowestEfficency' (known: lowestEfficiency, "
                + "highestWastedBytes, highestUserWastedPercent, maxLayerBytes)", nested.getMessage());
    }

    @Test
    void wrongTypesNameTheirPosition() {
        assertEquals(".jlint.yaml:1:9: expected a list, e.g. [a, b], found 'JL901'",
                error("ignore: JL901\n").getMessage());
        assertEquals(".jlint.yaml:2:10: expected error, warning, info, style or none, found 'loud'",
                error("target: x\nfailOn:  loud\n").getMessage());
        assertEquals(".jlint.yaml:1:19: expected a severity (error, warning, info, style), found 'fatal'",
                error("severity: {JL901: fatal}").getMessage());
        assertEquals(".jlint.yaml:1:1: expected a mapping of settings (ignore, severity, failOn, …)",
                error("- ignore\n").getMessage());
        assertEquals(".jlint.yaml:2:21: expected a fraction from 0 to 1 (e.g. 0.9) or disabled, found 90",
                error("image:\n  lowestEfficiency: 90\n").getMessage());
        assertEquals(".jlint.yaml:1:29: expected a byte count such as 20000000, 20MB or 1GiB or disabled, "
                + "found 'lots'", error("image: {highestWastedBytes: lots}").getMessage());
        assertEquals(".jlint.yaml:1:21: expected a non-empty string, found a mapping",
                error("trustedRegistries: [{a: b}]").getMessage());
        assertEquals(".jlint.yaml:2:1: duplicate key 'failOn'", error("failOn: info\nfailOn: error\n").getMessage());
    }

    @Test
    void unknownRuleIdsNameTheirPosition() {
        assertEquals(".jlint.yaml:2:5: unknown rule id 'JL0000' (see 'jlint rules')",
                error("ignore:\n  - JL0000\n").getMessage());
        assertEquals(".jlint.yaml:1:12: unknown rule id 'nope' (see 'jlint rules')",
                error("severity: {nope: error}").getMessage());
    }

    @Test
    void yamlSyntaxErrorsNameTheirPosition() {
        InputException e = error("ignore: [JL901\nfailOn: error\n");
        assertTrue(e.line() > 0 && e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith(".jlint.yaml:" + e.line() + ":" + e.column() + ": invalid YAML: "),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void sizes() {
        assertEquals(512L, ConfigYaml.parseSize("512"));
        assertEquals(20_000_000L, ConfigYaml.parseSize("20MB"));
        assertEquals(20L << 20, ConfigYaml.parseSize("20 MiB"));
        assertEquals(1_500_000_000L, ConfigYaml.parseSize("1.5gb"));
        assertEquals(2048L, ConfigYaml.parseSize("2KiB"));
        assertEquals(3000L, ConfigYaml.parseSize("3k"));
        assertNull(ConfigYaml.parseSize("5ib"));
        assertNull(ConfigYaml.parseSize("MB"));
        assertNull(ConfigYaml.parseSize("-1"));
    }

    @Test
    void findsTheNearestConfigUpwardsAndCaches(@TempDir Path tmp) throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("a/b/c"));
        Files.writeString(tmp.resolve(".jlint.yaml"), "failOn: error\n");
        Files.writeString(tmp.resolve("a/b/.jlint.yml"), "failOn: style\n");
        Path dockerfile = Files.writeString(sub.resolve("Dockerfile"), "FROM scratch\n");
        ConfigLoader l = new ConfigLoader(RuleCatalogue.standard(), null);
        assertEquals(tmp.resolve("a/b/.jlint.yml"), l.find(sub));
        assertEquals(Severity.STYLE, l.configFor(dockerfile).failOn());
        assertEquals(Severity.ERROR, l.configFor(tmp.resolve("a/Dockerfile")).failOn());
        assertSame(l.configFor(dockerfile), l.configFor(sub.resolve("Other.dockerfile")), "parsed once");
        // the lookup result is cached per directory: a config created later is not seen by this loader
        Files.writeString(sub.resolve(".jlint.yaml"), "failOn: none\n");
        assertEquals(Severity.STYLE, l.configFor(dockerfile).failOn());
        assertNull(new ConfigLoader(RuleCatalogue.standard(), null).configFor(dockerfile).failOn());
    }

    @Test
    void yamlWinsOverYmlInOneFolder(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(".jlint.yml"), "failOn: style\n");
        Files.writeString(tmp.resolve(".jlint.yaml"), "failOn: error\n");
        assertEquals(Severity.ERROR, new ConfigLoader(RuleCatalogue.standard(), null)
                .configFor(tmp.resolve("Dockerfile")).failOn());
    }

    @Test
    void explicitConfigIsUsedForEveryFile(@TempDir Path tmp) throws IOException {
        Path cfg = Files.writeString(tmp.resolve("ci.yaml"), "failOn: error\n");
        Files.writeString(tmp.resolve(".jlint.yaml"), "failOn: style\n");
        ConfigLoader l = new ConfigLoader(RuleCatalogue.standard(), cfg);
        assertEquals(Severity.ERROR, l.configFor(tmp.resolve("Dockerfile")).failOn());
        InputException e = assertThrows(InputException.class,
                () -> new ConfigLoader(RuleCatalogue.standard(), tmp.resolve("missing.yaml")).configFor(null));
        assertTrue(e.getMessage().endsWith("missing.yaml: config file not found"), e.getMessage());
    }

    @Test
    void commandLineOverridesWin() {
        Config file = parse("ignore: [JL901]\nseverity: {JL901: info}\nfailOn: error\ntarget: a\n");
        Config c = new ConfigOverrides(Set.of(), Map.of("JL901", Severity.STYLE), true, null, "b").applyTo(file);
        assertEquals(Set.of("JL901"), c.ignored());
        assertEquals(Map.of("JL901", Severity.STYLE), c.severities());
        assertNull(c.failOn(), "--fail-on none");
        assertEquals("b", c.target());
        assertEquals(file, ConfigOverrides.NONE.applyTo(file));
    }
}
