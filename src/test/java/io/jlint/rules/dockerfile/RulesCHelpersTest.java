package io.jlint.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.parser.DockerfileParser;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The heuristics behind rules-c's rules, pinned down one by one. */
class RulesCHelpersTest {

    @ParameterizedTest
    @ValueSource(strings = {"DB_PASSWORD", "MYSQL_ROOT_PASSWORD", "NPM_TOKEN", "GITHUB_TOKEN", "CLIENT_SECRET",
            "API_KEY", "AWS_SECRET_ACCESS_KEY", "SECRET_KEY_BASE", "PRIVATE_KEY", "DB_PASS", "SMTP_PWD",
            "dbPassword", "jwtSecret", "api-key", "REGISTRY_CREDENTIALS", "SIGNING_KEY", "apikey"})
    void secretNames(String name) {
        assertTrue(Jl701SecretInArgOrEnv.isSecretName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD_FILE", "POSTGRES_PASSWORD_FILE", "TOKEN_URL", "SECRET_NAME", "AWS_ACCESS_KEY_ID",
            "GPG_KEY", "GPG_KEYS", "PUBLIC_KEY", "SSH_PUBLIC_KEY", "KEYSERVER", "PWD", "PASS", "BYPASS", "KEY",
            "TOKEN_TTL", "PASSWORD_MIN_LENGTH", "SECRETS_DIR", "CERT_KEY", "CA_KEY", "COMPASS_PATH", "AUTH_TYPE",
            "PASSWORD_HASH", "TOKEN_ENDPOINT", "SECRET_MOUNT"})
    void notSecretNames(String name) {
        assertFalse(Jl701SecretInArgOrEnv.isSecretName(name), name);
    }

    @Test
    void wordsSplitOnSeparatorsAndCamelCase() {
        assertEquals(List.of("DB", "PASSWORD"), Jl701SecretInArgOrEnv.words("dbPassword"));
        assertEquals(List.of("AWS", "SECRET", "ACCESS", "KEY"), Jl701SecretInArgOrEnv.words("aws-secret.access_key"));
        assertEquals(List.of("APIKEY"), Jl701SecretInArgOrEnv.words("APIKEY"));
    }

    @Test
    void editDistanceCountsSwapsAsOneAndIgnoresCaseAndDashes() {
        assertEquals(1, StageRefs.distance("buidler", "builder"));
        assertEquals(0, StageRefs.distance("Build_Env", "build-env"));
        assertEquals(1, StageRefs.distance("backnd", "backend"));
        assertEquals(3, StageRefs.distance("abc", ""));
    }

    @Test
    void plainStageNames() {
        assertTrue(StageRefs.plainName("builder"));
        assertTrue(StageRefs.plainName("build_env-2"));
        assertFalse(StageRefs.plainName("nginx:1.27"));
        assertFalse(StageRefs.plainName("ghcr.io/org/app"));
        assertFalse(StageRefs.plainName("docker.io"));
    }

    @Test
    void absolutePaths() {
        assertTrue(Jl801RelativeWorkdir.isAbsolute("/app"));
        assertTrue(Jl801RelativeWorkdir.isAbsolute("C:\\app"));
        assertTrue(Jl801RelativeWorkdir.isAbsolute("c:/app"));
        assertTrue(Jl801RelativeWorkdir.isAbsolute("\\app"));
        assertFalse(Jl801RelativeWorkdir.isAbsolute("app"));
        assertFalse(Jl801RelativeWorkdir.isAbsolute("./app"));
    }

    @Test
    void exposeProblems() {
        assertNull(Jl810InvalidExpose.problem("80"));
        assertNull(Jl810InvalidExpose.problem("53/UDP"));
        assertNull(Jl810InvalidExpose.problem("9000-9010/tcp"));
        assertNull(Jl810InvalidExpose.problem("65535"));
        assertTrue(Jl810InvalidExpose.problem("8080:80").contains("EXPOSE 80"));
        assertTrue(Jl810InvalidExpose.problem("65536").contains("0-65535"));
        assertTrue(Jl810InvalidExpose.problem("99999999999999999999").contains("0-65535"));
        assertTrue(Jl810InvalidExpose.problem("80/http").contains("protocol"));
        assertTrue(Jl810InvalidExpose.problem("http").contains("not a port"));
        assertTrue(Jl810InvalidExpose.problem("90-80").contains("80-90"));
    }

    @Test
    void baseImageReferences() {
        Dockerfile df = DockerfileParser.parse("t", "ARG TAG=3.20\nFROM alpine:${TAG} AS a\n"
                + "FROM localhost:5000/team/app@sha256:abc\nFROM a\nFROM scratch\n"
                + "FROM registry.example.com:5000/app\n");
        Variables vars = Variables.of(df);
        BaseImageRef alpine = BaseImageRef.of(df, vars, df.stages().get(0));
        assertEquals("docker.io", alpine.registry());
        assertEquals("alpine", alpine.repository());
        assertEquals("3.20", alpine.tag());
        assertTrue(alpine.overridable());
        assertTrue(alpine.argNote().contains("ARG TAG on line 1"));
        BaseImageRef local = BaseImageRef.of(df, vars, df.stages().get(1));
        assertEquals("localhost:5000", local.registry());
        assertEquals("team/app", local.repository());
        assertNull(local.tag());
        assertEquals("sha256:abc", local.digest());
        assertNull(BaseImageRef.of(df, vars, df.stages().get(2)), "a stage");
        assertNull(BaseImageRef.of(df, vars, df.stages().get(3)), "scratch");
        BaseImageRef port = BaseImageRef.of(df, vars, df.stages().get(4));
        assertEquals("registry.example.com:5000", port.registry());
        assertNull(port.tag(), "the port is not a tag");
    }
}
