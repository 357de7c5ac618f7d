package io.jlint.rules.dockerfile.support;

import io.jlint.dockerfile.shell.SimpleCommand;
import io.jlint.dockerfile.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Files that {@code curl}/{@code wget} write, and archives or packages that {@code tar}, {@code unzip}, {@code 7z},
 * {@code dpkg -i}, {@code rpm -i}, {@code apt-get install ./x.deb} or {@code yum/dnf install ./x.rpm} consume.
 * A download written to standard output ({@code curl URL | tar -x}, {@code wget -O- URL}) is no file.
 */
public final class Downloads {

    private Downloads() {
    }

    /**
     * A file a download command writes.
     *
     * @param command the curl/wget command
     * @param path    the file, normalised (see {@link ShellPaths#normalize})
     * @param written the name as written (or derived from the URL)
     */
    public record Download(SimpleCommand command, String path, String written) {
    }

    private static final String CURL_SHORT_WITH_VALUE = "oduXHAebcTFwxmrEKCyYzUQtPD";
    private static final Set<String> CURL_LONG_WITH_VALUE = Set.of("--output", "--data", "--data-raw",
            "--data-binary", "--data-urlencode", "--header", "--user", "--request", "--user-agent", "--referer",
            "--cookie", "--cookie-jar", "--upload-file", "--form", "--write-out", "--proxy", "--max-time", "--range",
            "--cert", "--config", "--continue-at", "--speed-time", "--speed-limit", "--time-cond", "--telnet-option",
            "--proxy-user", "--quote", "--retry", "--retry-delay", "--retry-max-time", "--connect-timeout",
            "--cacert", "--capath", "--output-dir", "--url", "--resolve", "--interface", "--dns-servers",
            "--limit-rate", "--max-filesize", "--create-file-mode", "--key", "--key-type", "--cert-type",
            "--ciphers", "--dump-header", "--trace", "--trace-ascii", "--stderr", "--netrc-file", "--proto",
            "--proto-redir", "--proto-default", "--max-redirs", "--pinnedpubkey", "--oauth2-bearer", "--aws-sigv4",
            "--form-string", "--json", "--variable", "--expand-url", "--etag-save", "--etag-compare", "--hsts",
            "--alt-svc", "--doh-url", "--connect-to", "--preproxy", "--noproxy", "--proxy-header", "--mail-from",
            "--mail-rcpt", "--unix-socket", "--abstract-unix-socket", "--ftp-port", "--local-port",
            "--keepalive-time", "--expect100-timeout", "--happy-eyeballs-timeout-ms", "--tls-max", "--sasl-authzid",
            "--service-name", "--socks5", "--socks5-hostname", "--socks4", "--socks4a", "--login-options");
    private static final String WGET_SHORT_WITH_VALUE = "OoaiPtTwUeBQlARDIX";
    private static final Set<String> WGET_LONG_WITH_VALUE = Set.of("--output-document", "--output-file",
            "--append-output", "--input-file", "--directory-prefix", "--tries", "--timeout", "--wait",
            "--user-agent", "--execute", "--base", "--quota", "--level", "--accept", "--reject", "--domains",
            "--include-directories", "--exclude-directories", "--header", "--user", "--password", "--post-data",
            "--post-file", "--method", "--body-data", "--body-file", "--ca-certificate", "--certificate",
            "--private-key", "--load-cookies", "--save-cookies", "--referer", "--limit-rate", "--http-user",
            "--http-password");

    /** The file a {@code curl} or {@code wget} command writes (the first, if several), or empty. */
    public static Optional<Download> download(SimpleCommand c, RunEnv env, String cwd) {
        List<Download> all = downloads(c, env, cwd);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every file a {@code curl} or {@code wget} command writes. */
    public static List<Download> downloads(SimpleCommand c, RunEnv env, String cwd) {
        List<Download> out = new ArrayList<>();
        PackageManagers.Unwrapped u = PackageManagers.unwrap(c);
        if (u == null || u.words().isEmpty()) {
            return out;
        }
        List<Word> ws = u.words();
        String prog = PackageManagers.base(ws.get(0).value());
        if (prog.equals("curl")) {
            curl(c, ws, env, cwd, out);
        } else if (prog.equals("wget")) {
            wget(c, ws, env, cwd, out);
        }
        return out;
    }

    private static void curl(SimpleCommand c, List<Word> ws, RunEnv env, String cwd, List<Download> out) {
        List<String> outputs = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        int remoteNames = 0;
        boolean remoteAll = false;
        boolean headerName = false;
        String outputDir = null;
        for (int i = 1; i < ws.size(); i++) {
            String v = ws.get(i).value();
            if (v.startsWith("--")) {
                String name = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
                String val = v.contains("=") ? v.substring(v.indexOf('=') + 1) : null;
                if (val == null && CURL_LONG_WITH_VALUE.contains(name) && i + 1 < ws.size()) {
                    val = ws.get(++i).value();
                }
                switch (name) {
                    case "--output" -> outputs.add(val);
                    case "--remote-name" -> remoteNames++;
                    case "--remote-name-all" -> remoteAll = true;
                    case "--remote-header-name" -> headerName = true;
                    case "--output-dir" -> outputDir = val;
                    case "--url" -> urls.add(val);
                    default -> {
                    }
                }
                continue;
            }
            if (v.startsWith("-") && v.length() > 1) {
                for (int k = 1; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (CURL_SHORT_WITH_VALUE.indexOf(ch) >= 0) {
                        String val = k + 1 < v.length() ? v.substring(k + 1) : (i + 1 < ws.size()
                                ? ws.get(++i).value() : null);
                        if (ch == 'o') {
                            outputs.add(val);
                        }
                        break;
                    }
                    if (ch == 'O') {
                        remoteNames++;
                    } else if (ch == 'J') {
                        headerName = true;
                    }
                }
                continue;
            }
            urls.add(v);
        }
        if (headerName) {
            return; // the server names the file: unknown
        }
        int u = 0;
        for (String o : outputs) {
            if (o != null && !o.equals("-") && !o.equals("/dev/null") && !o.equals("/dev/stdout")) {
                String written = outputDir != null && !o.startsWith("/") ? outputDir + "/" + o : o;
                out.add(new Download(c, ShellPaths.normalize(written, env, cwd), written));
            }
            u++;
        }
        int names = remoteAll ? urls.size() : remoteNames;
        for (int k = u; k < urls.size() && names > 0; k++, names--) {
            String name = urlFileName(urls.get(k));
            if (name != null) {
                String written = outputDir != null ? outputDir + "/" + name : name;
                out.add(new Download(c, ShellPaths.normalize(written, env, cwd), written));
            }
        }
    }

    private static void wget(SimpleCommand c, List<Word> ws, RunEnv env, String cwd, List<Download> out) {
        String document = null;
        boolean documentSet = false;
        String prefix = null;
        boolean spider = false;
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < ws.size(); i++) {
            String v = ws.get(i).value();
            if (v.startsWith("--")) {
                String name = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
                String val = v.contains("=") ? v.substring(v.indexOf('=') + 1) : null;
                if (val == null && WGET_LONG_WITH_VALUE.contains(name) && i + 1 < ws.size()) {
                    val = ws.get(++i).value();
                }
                if (name.equals("--output-document")) {
                    document = val;
                    documentSet = true;
                } else if (name.equals("--directory-prefix")) {
                    prefix = val;
                } else if (name.equals("--spider") || name.equals("--input-file")) {
                    spider = true;
                }
                continue;
            }
            if (v.startsWith("-") && v.length() > 1) {
                for (int k = 1; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (WGET_SHORT_WITH_VALUE.indexOf(ch) >= 0) {
                        String val = k + 1 < v.length() ? v.substring(k + 1) : (i + 1 < ws.size()
                                ? ws.get(++i).value() : null);
                        if (ch == 'O') {
                            document = val;
                            documentSet = true;
                        } else if (ch == 'P') {
                            prefix = val;
                        } else if (ch == 'i') {
                            spider = true;
                        }
                        break;
                    }
                }
                continue;
            }
            urls.add(v);
        }
        if (spider) {
            return;
        }
        if (documentSet) {
            if (document != null && !document.equals("-") && !document.equals("/dev/null")
                    && !document.equals("/dev/stdout")) {
                out.add(new Download(c, ShellPaths.normalize(document, env, cwd), document));
            }
            return;
        }
        for (String url : urls) {
            String name = urlFileName(url);
            if (name != null) {
                String written = prefix != null ? prefix + "/" + name : name;
                out.add(new Download(c, ShellPaths.normalize(written, env, cwd), written));
            }
        }
    }

    /** The last path segment of a URL (query and fragment removed), or null when there is none. */
    static String urlFileName(String url) {
        if (url == null) {
            return null;
        }
        String u = url;
        int scheme = u.indexOf("://");
        if (scheme >= 0) {
            u = u.substring(scheme + 3);
        }
        int q = indexOfAny(u, "?#");
        if (q >= 0) {
            u = u.substring(0, q);
        }
        int slash = u.lastIndexOf('/');
        if (slash < 0 || slash == u.length() - 1) {
            return null;
        }
        String name = u.substring(slash + 1);
        return name.isEmpty() ? null : name;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static final String TAR_SHORT_WITH_VALUE = "fCTXbgHKLNVI";

    /**
     * The files a command unpacks or installs from (normalised): {@code tar -x -f F} (and {@code tar xzf F}),
     * {@code unzip F}, {@code 7z x F}, {@code bsdtar -xf F}, {@code dpkg -i F…}, {@code rpm -i/-U F…},
     * {@code apt-get/apt install ./F.deb}, {@code yum/dnf/microdnf install ./F.rpm}. Empty for other commands.
     */
    public static List<String> unpacked(SimpleCommand c, RunEnv env, String cwd) {
        List<String> out = new ArrayList<>();
        PackageManagers.Unwrapped u = PackageManagers.unwrap(c);
        if (u == null || u.words().isEmpty()) {
            return out;
        }
        List<Word> ws = u.words();
        String prog = PackageManagers.base(ws.get(0).value());
        switch (prog) {
            case "tar", "bsdtar", "gtar" -> tar(ws, env, cwd, out);
            case "unzip", "jar" -> {
                if (prog.equals("jar") && (ws.size() < 2 || !ws.get(1).value().contains("x"))) {
                    return out;
                }
                for (int i = 1; i < ws.size(); i++) {
                    String v = ws.get(i).value();
                    if (v.equals("-d") || v.equals("-x") || v.equals("-P")) {
                        if (v.equals("-x")) {
                            break;
                        }
                        i++;
                        continue;
                    }
                    if (v.startsWith("-") || (prog.equals("jar") && i == 1)) {
                        continue;
                    }
                    out.add(ShellPaths.normalize(v, env, cwd));
                    break;
                }
            }
            case "7z", "7za", "7zr" -> {
                if (ws.size() > 2 && (ws.get(1).value().equals("x") || ws.get(1).value().equals("e"))) {
                    for (int i = 2; i < ws.size(); i++) {
                        if (!ws.get(i).value().startsWith("-")) {
                            out.add(ShellPaths.normalize(ws.get(i).value(), env, cwd));
                            break;
                        }
                    }
                }
            }
            case "dpkg" -> {
                boolean install = false;
                for (int i = 1; i < ws.size(); i++) {
                    String v = ws.get(i).value();
                    if (v.equals("-i") || v.equals("--install") || v.equals("--unpack")) {
                        install = true;
                    } else if (install && !v.startsWith("-")) {
                        out.add(ShellPaths.normalize(v, env, cwd));
                    }
                }
            }
            case "rpm" -> {
                boolean install = false;
                for (int i = 1; i < ws.size(); i++) {
                    String v = ws.get(i).value();
                    if (v.startsWith("--")) {
                        install |= v.equals("--install") || v.equals("--upgrade") || v.equals("--freshen");
                    } else if (v.startsWith("-")) {
                        install |= v.contains("i") || v.contains("U") || v.contains("F");
                    } else if (install) {
                        out.add(ShellPaths.normalize(v, env, cwd));
                    }
                }
            }
            default -> {
                Optional<PackageManagers.Invocation> inv = PackageManagers.invocation(c);
                if (inv.isPresent() && inv.get().action() == PackageManagers.Action.INSTALL
                        && (inv.get().manager().apt() || inv.get().manager().rpm())) {
                    String ext = inv.get().manager().apt() ? ".deb" : ".rpm";
                    for (Word w : inv.get().operands()) {
                        // ./${DEB}: the extension is often in a build variable
                        String v = env == null ? w.value() : env.expand(w.value());
                        if (v.toLowerCase(Locale.ROOT).endsWith(ext) && !v.contains("://")) {
                            out.add(ShellPaths.normalize(v, env, cwd));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void tar(List<Word> ws, RunEnv env, String cwd, List<String> out) {
        boolean extract = false;
        String file = null;
        for (int i = 1; i < ws.size(); i++) {
            String v = ws.get(i).value();
            if (i == 1 && !v.startsWith("-") && v.matches("[A-Za-z]+")) {
                // old style: tar xzf FILE
                extract = v.contains("x");
                if (v.contains("f") && i + 1 < ws.size()) {
                    file = ws.get(++i).value();
                }
                continue;
            }
            if (v.startsWith("--")) {
                String name = v.contains("=") ? v.substring(0, v.indexOf('=')) : v;
                String val = v.contains("=") ? v.substring(v.indexOf('=') + 1) : null;
                if (name.equals("--extract") || name.equals("--get")) {
                    extract = true;
                } else if (name.equals("--file")) {
                    if (val == null && i + 1 < ws.size()) {
                        val = ws.get(++i).value();
                    }
                    file = val;
                } else if (val == null && (name.equals("--directory") || name.equals("--exclude-from")
                        || name.equals("--files-from") || name.equals("--use-compress-program")
                        || name.equals("--transform") || name.equals("--strip-components")
                        || name.equals("--owner") || name.equals("--group") || name.equals("--mode")
                        || name.equals("--exclude")) && i + 1 < ws.size() && !ws.get(i + 1).value().startsWith("-")) {
                    i++;
                }
                continue;
            }
            if (v.startsWith("-") && v.length() > 1) {
                for (int k = 1; k < v.length(); k++) {
                    char ch = v.charAt(k);
                    if (ch == 'x') {
                        extract = true;
                    }
                    if (TAR_SHORT_WITH_VALUE.indexOf(ch) >= 0) {
                        String val = k + 1 < v.length() ? v.substring(k + 1) : (i + 1 < ws.size()
                                ? ws.get(++i).value() : null);
                        if (ch == 'f') {
                            file = val;
                        }
                        break;
                    }
                }
            }
        }
        if (extract && file != null && !file.equals("-")) {
            out.add(ShellPaths.normalize(file, env, cwd));
        }
    }
}
