package io.jlint.rules.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The secret judgements of the image rules (names, values, token formats, credential files). */
class ImageSecretsTest {

    @Test
    void namedCredentialsWithLiteralValues() {
        assertEquals("a literal password", Jl1701SecretInConfig.judge("DB_PASSWORD", "hunter22"));
        assertEquals("a literal token", Jl1701SecretInConfig.judge("npm-token", "c3f1e6a1"));
        assertEquals("a literal key", Jl1701SecretInConfig.judge("STRIPE_API_KEY", "abc123xyz"));
        assertEquals("a literal password", Jl1701SecretInConfig.judge("MYSQL_PASSWD", "password"));
        assertNull(Jl1701SecretInConfig.judge("DB_PASSWORD", ""));
        assertNull(Jl1701SecretInConfig.judge("DB_PASSWORD", "${DB_PASSWORD}"));
        assertNull(Jl1701SecretInConfig.judge("DB_PASSWORD_FILE", "/run/secrets/db"));
        assertNull(Jl1701SecretInConfig.judge("MYSQL_ALLOW_EMPTY_PASSWORD", "yes"));
        assertNull(Jl1701SecretInConfig.judge("GPG_KEY", "7169605F62C751356D054A26A821E680E5FA6305"));
        assertNull(Jl1701SecretInConfig.judge("BYPASS", "true"));
        assertNull(Jl1701SecretInConfig.judge("MAX_TOKEN", "4096"));
        assertNull(Jl1701SecretInConfig.judge("TOKEN_URL", "https://x/token"));
    }

    @Test
    void tokenFormatsWhateverTheName() {
        assertEquals("an AWS access key id", Jl1701SecretInConfig.judge("X", "AKIAIOSFODNN7EXAMPLE"));
        assertEquals("a GitHub token", Jl1701SecretInConfig.judge("X", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"));
        assertEquals("a GitLab token", Jl1701SecretInConfig.judge("X", "glpat-abcdefghijklmnop1234"));
        assertEquals("a private key", Jl1701SecretInConfig.judge("X", "-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("a URL with a password (user ci)",
                Jl1701SecretInConfig.judge("REPO", "https://ci:s3cretPass99@git.example.com/x.git"));
        assertNull(Jl1701SecretInConfig.judge("REPO", "https://${USER}:${TOKEN}@git.example.com/x.git"));
        assertNull(Jl1701SecretInConfig.judge("X", "AKIA-not-a-key"));
    }

    @Test
    void credentialFiles() {
        assertEquals("an .npmrc with a registry auth token",
                Jl1703CredentialsFileInLayer.judge("/app/.npmrc", "//r.example.com/:_authToken=abcdef123\n"));
        assertNull(Jl1703CredentialsFileInLayer.judge("/app/.npmrc", "//r.example.com/:_authToken=${NPM_TOKEN}\n"));
        assertNull(Jl1703CredentialsFileInLayer.judge("/app/.npmrc", "registry=https://registry.npmjs.org/\n"));
        assertEquals("a .netrc with a password",
                Jl1703CredentialsFileInLayer.judge("/root/.netrc", "machine h login u password p4ss\n"));
        assertNull(Jl1703CredentialsFileInLayer.judge("/root/.docker/config.json", "{\"auths\": {\"x\": {}}}"));
        assertEquals("an env file with a literal secret (JWT_SECRET)",
                Jl1703CredentialsFileInLayer.judge("/app/.env", "# c\nPORT=1\nJWT_SECRET=\"abc def\" # note\n"));
        assertNull(Jl1703CredentialsFileInLayer.judge("/app/.env", "PORT=1\nAPI_TOKEN=\n"));
    }
}
