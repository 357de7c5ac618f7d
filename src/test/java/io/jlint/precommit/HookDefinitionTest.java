package io.jlint.precommit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hook's {@code files} pattern picks the same names {@code jlint DIR} lints (pre-commit uses re.search). */
class HookDefinitionTest {

    @Test
    void hookMatchesTheDockerfileNamesJlintLints() throws IOException {
        JsonNode hooks = new YAMLMapper().readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        JsonNode hook = hooks.get(0);
        assertEquals("jlint", hook.get("id").asText());
        assertEquals("jlint", hook.get("entry").asText());
        assertEquals("script", hook.get("language").asText());
        assertEquals(true, hook.get("pass_filenames").asBoolean());
        Pattern files = Pattern.compile(hook.get("files").asText());
        for (String path : List.of("Dockerfile", "a/b/Dockerfile", "Containerfile", "svc/Containerfile",
                "Dockerfile.dev", "x/Dockerfile.prod", "app.Dockerfile", "x/y.dockerfile")) {
            assertEquals(true, files.matcher(path).find(), path);
        }
        for (String path : List.of("README.md", "Dockerfile/notes.txt", "docs/Dockerfile-guide.md", "MyDockerfile",
                "dockerfile", "Containerfile.dev", "Dockerfile.d/x.sh")) {
            assertEquals(false, files.matcher(path).find(), path);
        }
    }
}
