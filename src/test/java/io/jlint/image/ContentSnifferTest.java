package io.jlint.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    static final String BODY = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(TestImages.bytes(400, 1));

    static String pem(String label) {
        return "-----BEGIN " + label + "-----\n" + BODY + "\n-----END " + label + "-----\n";
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String key(String text) {
        byte[] x = b(text);
        return ContentSniffer.privateKey(x, x.length, false);
    }

    @Test
    void privateKeysByContent() {
        assertEquals("RSA PRIVATE KEY", key(pem("RSA PRIVATE KEY")));
        assertEquals("OPENSSH PRIVATE KEY", key("# deploy key\n" + pem("OPENSSH PRIVATE KEY")));
        assertEquals("ENCRYPTED PRIVATE KEY", key(pem("ENCRYPTED PRIVATE KEY")));
        assertEquals("PGP PRIVATE KEY BLOCK", key(pem("PGP PRIVATE KEY BLOCK")));
        assertEquals("PRIVATE KEY", key(pem("CERTIFICATE") + pem("PRIVATE KEY")));
        assertEquals("PRIVATE KEY", key("{\"private_key\": \"" + pem("PRIVATE KEY").replace("\n", "\\n") + "\"}"));
        assertNull(key(pem("CERTIFICATE")));
        assertNull(key(pem("PUBLIC KEY")));
        assertNull(key("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"));
        assertNull(key("see -----BEGIN RSA PRIVATE KEY----- in the docs"));
        byte[] cut = b(pem("RSA PRIVATE KEY"));
        assertEquals("RSA PRIVATE KEY", ContentSniffer.privateKey(cut, 200, true));
        assertNull(ContentSniffer.privateKey(cut, 200, false));
    }

    static LayerEntry file(String path, long size) {
        return new LayerEntry(2, path.substring(1), path, TarEntry.Type.FILE, LayerEntry.Whiteout.NONE, null, size,
                0644, 0, 0, "", "", "", 0, 0, 0, Map.of());
    }

    @Test
    void keepsCandidatesAndKeyFilesOnly() throws Exception {
        List<SniffedFile> hits = new ArrayList<>();
        String npmrc = "//r/:_authToken=abc\n";
        ContentSniffer.sniff(file("/app/.npmrc", npmrc.length()), new ByteArrayInputStream(b(npmrc)), hits);
        String k = pem("EC PRIVATE KEY");
        ContentSniffer.sniff(file("/root/key", k.length()), new ByteArrayInputStream(b(k)), hits);
        ContentSniffer.sniff(file("/app/readme.txt", 5), new ByteArrayInputStream(b("hello")), hits);
        ContentSniffer.sniff(file("/big.pem", 1L << 20), new ByteArrayInputStream(b(k)), hits);
        assertEquals(2, hits.size());
        assertEquals(new SniffedFile(2, "/app/.npmrc", npmrc.length(), null, npmrc), hits.get(0));
        assertEquals("EC PRIVATE KEY", hits.get(1).keyType());
        assertNull(hits.get(1).text());
    }

    @Test
    void candidateNames() {
        for (String p : List.of("/root/.npmrc", "/home/a/.git-credentials", "/root/.aws/credentials",
                "/root/.docker/config.json", "/app/.env", "/app/.env.production", "/root/.netrc",
                "/root/.kube/config", "/root/.pypirc")) {
            assertTrue(ContentSniffer.isCandidate(p), p);
        }
        for (String p : List.of("/app/env", "/etc/credentials", "/app/config.json", "/app/.envrc2x")) {
            assertFalse(ContentSniffer.isCandidate(p), p);
        }
    }
}
