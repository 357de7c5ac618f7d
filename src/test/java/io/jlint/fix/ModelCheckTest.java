package io.jlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.parser.DockerfileParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The safety net's comparison: what it lets through and what it names. */
class ModelCheckTest {

    private static List<String> diff(String a, String b) {
        return ModelCheck.differences(DockerfileParser.parse("a", a), DockerfileParser.parse("b", b));
    }

    @Test
    void intendedRewritesAreTheSameBuild() {
        assertEquals(List.of(), diff("FROM a\nRUN x\nRUN y && z\n", "FROM a\nRUN x && \\\n    y && z\n"));
        assertEquals(List.of(), diff("FROM a\nRUN x\nRUN y; z\n", "FROM a\nRUN x && { y; z; }\n"));
        assertEquals(List.of(), diff("FROM a\nMAINTAINER Jo \"J\" $X\n",
                "FROM a\nLABEL org.opencontainers.image.authors=\"Jo \\\"J\\\" \\$X\"\n"));
        assertEquals(List.of(), diff("FROM a\nCMD node app.js\n", "FROM a\nCMD [\"node\", \"app.js\"]\n"));
        assertEquals(List.of(), diff("FROM a\nCMD ['node', 'app.js']\n", "FROM a\nCMD [\"node\", \"app.js\"]\n"));
        assertEquals(List.of(), diff("FROM a\nENV A 1\nlabel b c d\n", "FROM a\nENV A=1\nLABEL b=\"c d\"\n"));
        assertEquals(List.of(), diff("FROM a\nRUN apt-get update && apt-get install -y x\n",
                "FROM a\nRUN apt-get update && apt-get install --no-install-recommends -y x && rm -rf "
                        + "/var/lib/apt/lists/*\n"));
        assertEquals(List.of(), diff("FROM a\nRUN apk add x\nRUN rm -rf /var/cache/apk/*\n",
                "FROM a\nRUN apk add x && rm -rf /var/cache/apk/*\n"));
        assertEquals(List.of(), diff("FROM a\nWORKDIR /app\nCOPY . .\nRUN npm ci\n",
                "FROM a\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY . .\n"));
    }

    @Test
    void realChangesAreNamed() {
        assertTrue(diff("FROM a\nRUN x\n", "FROM a\nRUN y\n").get(0).contains("was `0  | x`, is `0  | y`"));
        assertTrue(diff("FROM a\nRUN x\nENV A=1\nRUN y\n", "FROM a\nRUN x && y\nENV A=1\n").get(0)
                .contains("RUN commands changed"));
        assertTrue(diff("FROM a\nRUN rm -rf /var/lib/apt/lists/*\n", "FROM a\n").get(0)
                .contains("cleanup command was lost"));
        assertTrue(diff("FROM a\nCMD echo $HOME\n", "FROM a\nCMD [\"echo\", \"$HOME\"]\n").get(0)
                .contains("CMD"));
        assertTrue(diff("FROM a\nUSER x\n", "FROM a\n").get(0).contains("instruction lost: `USER x`"));
        assertTrue(diff("FROM a\nCOPY . .\n", "FROM a\nCOPY . .\nCOPY x ./\n").get(0).contains("added"));
        assertTrue(diff("FROM a AS b\n", "FROM c AS b\n").get(0).contains("FROM changed"));
        assertTrue(diff("FROM a\nRUN --mount=type=cache,target=/x x\n", "FROM a\nRUN x\n").get(0)
                .contains("RUN commands changed"));
    }

    @Test
    void theAnswerToAPromptAndAnExecPrefixAreAllowedWhereTheyChangeNothingElse() {
        assertEquals(List.of(), diff("FROM a\nRUN apt-get install x\n", "FROM a\nRUN apt-get install -y x\n"));
        assertEquals(List.of(), diff("FROM a\nRUN sudo yum install x\n", "FROM a\nRUN sudo yum -y install x\n"));
        assertEquals(List.of(), diff("FROM a\nRUN zypper in x\n", "FROM a\nRUN zypper --non-interactive in x\n"));
        assertEquals(List.of(), diff("FROM a\nRUN <<EOF\nx\nEOF\nRUN y\n", "FROM a\nRUN <<EOF\nx &&\ny\nEOF\n"));
        assertEquals(List.of(), diff("FROM a\nCMD [\"sh\", \"-c\", \"node app.js\"]\n",
                "FROM a\nCMD [\"sh\",\"-c\",\"exec node app.js\"]\n"));
        // -y means something else to other programs; exec before a list, or exec -a, is not the same script
        assertTrue(diff("FROM a\nRUN cp a b\n", "FROM a\nRUN cp -y a b\n").get(0).contains("RUN commands changed"));
        assertTrue(diff("FROM a\nRUN zypper in x\n", "FROM a\nRUN zypper -y in x\n").get(0)
                .contains("RUN commands changed"));
        assertTrue(diff("FROM a\nCMD [\"sh\", \"-c\", \"a; b\"]\n", "FROM a\nCMD [\"sh\", \"-c\", \"a; exec b\"]\n")
                .get(0).contains("CMD"));
        assertTrue(diff("FROM a\nCMD [\"sh\", \"-c\", \"b\"]\n", "FROM a\nCMD [\"sh\", \"-c\", \"exec -a x b\"]\n")
                .get(0).contains("CMD"));
    }
}
