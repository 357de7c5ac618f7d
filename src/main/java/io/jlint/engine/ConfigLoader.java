package io.jlint.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .jlint.yaml} (or {@code .jlint.yml}): found from a linted file's folder upwards to the file-system
 * root, or named with {@code --config}. Lookups and parsed files are cached, so linting many files in one tree
 * reads each config once. Every mistake in a config file (bad YAML, unknown key, wrong type, unknown rule id,
 * unknown severity) is an {@link InputException} with the file, line and column.
 *
 * <pre>
 * ignore: [JL901, maintainer-deprecated]     # rule ids or names
 * severity: {JL901: error}                   # error | warning | info | style
 * failOn: warning                            # error | warning | info | style | none
 * target: runtime                            # the stage that is built
 * trustedRegistries: [docker.io, ghcr.io]
 * requiredLabels: [org.opencontainers.image.source]
 * image: {lowestEfficiency: 0.9, highestWastedBytes: 20MB, highestUserWastedPercent: 0.1, maxLayerBytes: 8GiB}
 * </pre>
 */
public final class ConfigLoader {

    /** Config file names, in lookup order within one folder. */
    public static final List<String> NAMES = List.of(".jlint.yaml", ".jlint.yml");

    private final RuleCatalogue catalogue;
    private final Path explicit;
    private final Map<Path, Path> found = new HashMap<>();
    private final Map<Path, Config> loaded = new HashMap<>();

    /**
     * @param catalogue the rules ids are checked against
     * @param explicit  the {@code --config} file, or null to look up {@code .jlint.yaml} per linted file
     */
    public ConfigLoader(RuleCatalogue catalogue, Path explicit) {
        this.catalogue = catalogue;
        this.explicit = explicit;
    }

    /**
     * The configuration for a linted file: the {@code --config} file, else the nearest {@code .jlint.yaml} in
     * the file's folder or above, else the defaults.
     *
     * @param lintedFile the linted file (or, for standard input, null: the lookup starts in the working folder)
     */
    public Config configFor(Path lintedFile) {
        Path file = explicit != null ? explicit : find(folderOf(lintedFile));
        return file == null ? Config.defaults() : load(file);
    }

    /** The config file that applies to files in {@code dir}, or null. */
    public Path find(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> visited = new ArrayList<>();
        Path result = null;
        for (Path d = abs; d != null; d = d.getParent()) {
            if (found.containsKey(d)) {
                result = found.get(d);
                break;
            }
            visited.add(d);
            Path hit = null;
            for (String name : NAMES) {
                Path candidate = d.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    hit = candidate;
                    break;
                }
            }
            if (hit != null) {
                result = hit;
                break;
            }
        }
        for (Path d : visited) {
            found.put(d, result);
        }
        return result;
    }

    private static Path folderOf(Path lintedFile) {
        if (lintedFile == null) {
            return Path.of("").toAbsolutePath();
        }
        Path parent = lintedFile.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : lintedFile.toAbsolutePath().getRoot();
    }

    /** Parses one config file (cached). */
    public Config load(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Config c = loaded.get(key);
        if (c == null) {
            c = parse(display(file), readFile(file));
            loaded.put(key, c);
        }
        return c;
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(display(file), "config file not found");
        } catch (IOException e) {
            throw new InputException(display(file), "cannot read config file: " + e.getMessage());
        }
    }

    /** The path as the user would name it: relative to the working folder when inside it. */
    static String display(Path file) {
        if (!file.isAbsolute()) {
            return file.toString();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
    }

    /** Parses config text; {@code name} is used in error messages. */
    public Config parse(String name, byte[] bytes) {
        return ConfigYaml.parse(catalogue, name, bytes);
    }
}
