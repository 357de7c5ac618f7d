package io.jlint.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks into small files while the analysis streams the layers (one pass, nothing extracted, nothing kept but the
 * hits): files that hold a PEM private key, and the content of files whose names credentials usually live in
 * ({@code .npmrc}, {@code .git-credentials}, {@code .aws/credentials}, {@code .docker/config.json}, {@code .env},
 * …), for rules to judge. Every layer version is looked at, also those a later layer deletes: their bytes are still
 * in the image. Use one instance per {@link ImageAnalyzer#analyze} call; layers may be read on several threads.
 */
public final class ContentSniffer implements ImageAnalyzer.ContentVisitors {

    /** Files up to this size are searched for a private key. */
    public static final int MAX_KEY_FILE = 64 << 10;
    /** How far into a file the search for a private key header looks. */
    public static final int KEY_WINDOW = 8 << 10;
    /** Credential-file candidates up to this size are kept as text. */
    public static final int MAX_TEXT = 64 << 10;
    /** Base64 characters a PEM block needs between its lines to count as a key (placeholders in docs have none). */
    static final int MIN_KEY_BODY = 64;

    private static final Set<String> CANDIDATE_NAMES = Set.of(".npmrc", ".pypirc", ".netrc", "_netrc",
            ".git-credentials", ".env", ".dockercfg");
    private static final List<String> CANDIDATE_SUFFIXES = List.of("/.aws/credentials", "/.docker/config.json",
            "/.kube/config");
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    private final Map<Integer, Map<Integer, List<SniffedFile>>> found = new ConcurrentHashMap<>();

    @Override
    public LayerVisitor forLayer(ImageRef image, int layer) {
        List<SniffedFile> hits = new ArrayList<>();
        found.computeIfAbsent(image.index(), k -> new ConcurrentHashMap<>()).put(layer, hits);
        return (e, in) -> sniff(e, in, hits);
    }

    /** The hits for an analysed image, by layer then tar order. */
    public List<SniffedFile> found(ImageRef image) {
        Map<Integer, List<SniffedFile>> byLayer = found.getOrDefault(image.index(), Map.of());
        List<SniffedFile> out = new ArrayList<>();
        byLayer.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(en -> out.addAll(en.getValue()));
        return out;
    }

    /** True for the names and paths whose content is kept for the credential rules. */
    public static boolean isCandidate(String path) {
        int slash = path.lastIndexOf('/');
        String base = path.substring(slash + 1);
        if (CANDIDATE_NAMES.contains(base)) {
            return true;
        }
        if (base.startsWith(".env.")) {
            return true;
        }
        for (String s : CANDIDATE_SUFFIXES) {
            if (path.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    static void sniff(LayerEntry e, InputStream in, List<SniffedFile> hits) throws IOException {
        if (!e.isRegularFile() || e.path() == null || e.size() <= 0) {
            return;
        }
        boolean candidate = e.size() <= MAX_TEXT && isCandidate(e.path());
        if (!candidate && e.size() > MAX_KEY_FILE) {
            return;
        }
        byte[] head = in.readNBytes(candidate ? MAX_TEXT : KEY_WINDOW);
        int n = Math.min(head.length, KEY_WINDOW);
        String keyType = privateKey(head, n, n < e.size());
        if (keyType != null || candidate) {
            hits.add(new SniffedFile(e.layer(), e.path(), e.size(), keyType,
                    candidate ? new String(head, StandardCharsets.UTF_8) : null));
        }
    }

    /**
     * The label of the first PEM private key in {@code b[0, n)} ({@code RSA PRIVATE KEY}, …), or null. A header
     * counts when at least {@link #MIN_KEY_BODY} base64 characters follow it before its END line (or before the end
     * of the window when the file goes on beyond it: {@code moreAfter}), so documentation that merely quotes the header lines does not count.
     */
    static String privateKey(byte[] b, int n, boolean moreAfter) {
        int from = 0;
        while (true) {
            int at = indexOf(b, n, BEGIN, from);
            if (at < 0) {
                return null;
            }
            int labelStart = at + BEGIN.length;
            int labelEnd = labelStart;
            while (labelEnd < n && labelEnd - labelStart < 40 && isLabelChar(b[labelEnd])) {
                labelEnd++;
            }
            String label = new String(b, labelStart, labelEnd - labelStart, StandardCharsets.US_ASCII);
            if (label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK")) {
                if (startsWith(b, n, labelEnd, "-----")) {
                    int body = 0;
                    boolean ended = false;
                    for (int i = labelEnd + 5; i < n; i++) {
                        if (b[i] == '-' && startsWith(b, n, i, "-----END ")) {
                            ended = true;
                            break;
                        }
                        if (isBase64(b[i])) {
                            body++;
                        }
                    }
                    if (body >= MIN_KEY_BODY && (ended || moreAfter)) {
                        return label;
                    }
                }
            }
            from = at + 1;
        }
    }

    private static boolean isLabelChar(byte c) {
        return (c >= 'A' && c <= 'Z') || c == ' ' || (c >= '0' && c <= '9');
    }

    private static boolean isBase64(byte c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static boolean startsWith(byte[] b, int n, int at, String s) {
        if (at + s.length() > n) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int n, byte[] pat, int from) {
        outer:
        for (int i = from; i <= n - pat.length; i++) {
            if (b[i] != pat[0]) {
                continue;
            }
            for (int j = 1; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
