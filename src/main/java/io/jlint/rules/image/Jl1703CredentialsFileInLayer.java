package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.FileEntry;
import io.jlint.image.ImageModel;
import io.jlint.image.SniffedFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credentials file with a credential in it: {@code .npmrc} with an auth token or password, {@code .pypirc} or
 * {@code .netrc} with a password, {@code .git-credentials} with a URL password, {@code .aws/credentials} with a
 * secret access key, {@code .docker/config.json} (or {@code .dockercfg}) with a registry auth, {@code .kube/config}
 * with a token or client key, and {@code .env} files with a literal secret or a known token format. Judged by
 * content, not by name alone: an {@code .npmrc} that only sets a registry, or reads its token from
 * {@code ${NPM_TOKEN}}, is fine. Every layer counts; files in third-party packages and test data do not.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1703", name = "credentials-file-in-layer", category = Category.SECURITY,
        severity = Severity.ERROR,
        summary = "A layer contains a credentials file (.npmrc, .git-credentials, .aws/credentials, .env, …) with a"
                + " secret in it",
        equivalents = {"dockle:CIS-DI-0010"})
public final class Jl1703CredentialsFileInLayer implements Rule<ImageModel> {

    private static final Pattern NPMRC = Pattern.compile("(?m)(?:^|:)(_authToken|_auth|_password)\\s*=\\s*(\\S+)");
    private static final Pattern PYPIRC = Pattern.compile("(?m)^\\s*password\\s*[=:]\\s*(\\S+)");
    private static final Pattern NETRC = Pattern.compile("\\bpassword\\s+(\\S+)");
    private static final Pattern AWS = Pattern.compile("(?mi)^\\s*aws_secret_access_key\\s*=\\s*(\\S+)");
    private static final Pattern DOCKER = Pattern.compile("\"(auth|identitytoken|password)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KUBE = Pattern.compile("(?m)^\\s*(token|client-key-data|password)\\s*:\\s*(\\S+)");
    private static final Pattern ENV_LINE = Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=(.*)$");

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        for (SniffedFile f : m.sniffed()) {
            if (f.text() == null || Layers.foreignOrSample(f.path())) {
                continue;
            }
            String what = judge(f.path(), f.text());
            if (what == null) {
                continue;
            }
            FileEntry now = m.tree().find(f.path());
            String gone = now == null || now.layer() != f.layer()
                    ? " (a later layer deletes or replaces it, but this layer still ships it)" : "";
            out.reportImage(f.layer(), f.path(), Layers.step(m, f.layer()) + " adds " + what + gone + ": anyone who"
                    + " can pull the image can read it; keep the file out of the build context (.dockerignore) and"
                    + " give the build the credential with a BuildKit secret mount (RUN --mount=type=secret,…)");
        }
    }

    /** What credential the file holds, or null. */
    static String judge(String path, String text) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        if (base.equals(".npmrc")) {
            Matcher mt = NPMRC.matcher(text);
            while (mt.find()) {
                if (Secrets.literalSecret(mt.group(2))) {
                    return "an .npmrc with a registry " + (mt.group(1).equals("_authToken") ? "auth token" : "password");
                }
            }
            return null;
        }
        if (base.equals(".pypirc")) {
            return first(PYPIRC, text, 1) ? "a .pypirc with a package index password" : null;
        }
        if (base.equals(".netrc") || base.equals("_netrc")) {
            return first(NETRC, text, 1) ? "a .netrc with a password" : null;
        }
        if (base.equals(".git-credentials")) {
            return Secrets.urlWithPassword(text) != null ? "a .git-credentials file with a stored password or token"
                    : null;
        }
        if (path.endsWith("/.aws/credentials")) {
            return first(AWS, text, 1) ? "AWS credentials with a secret access key" : null;
        }
        if (path.endsWith("/.docker/config.json") || base.equals(".dockercfg")) {
            return first(DOCKER, text, 2) ? "a Docker client config with registry credentials" : null;
        }
        if (path.endsWith("/.kube/config")) {
            return first(KUBE, text, 2) ? "a kubeconfig with a token or client key" : null;
        }
        if (base.equals(".env") || base.startsWith(".env.")) {
            Matcher mt = ENV_LINE.matcher(text);
            while (mt.find()) {
                String name = mt.group(1);
                String value = stripComment(mt.group(2).strip());
                String token = Secrets.token(value);
                if (token != null) {
                    return "an env file with " + token + " (" + name + ")";
                }
                if (Secrets.secretName(name) && Secrets.literalSecret(value)) {
                    return "an env file with a literal " + Secrets.kind(name).substring(2) + " (" + name + ")";
                }
            }
        }
        return null;
    }

    private static boolean first(Pattern p, String text, int group) {
        Matcher mt = p.matcher(text);
        while (mt.find()) {
            if (Secrets.literalSecret(mt.group(group))) {
                return true;
            }
        }
        return false;
    }

    private static String stripComment(String v) {
        if (v.startsWith("\"") || v.startsWith("'")) {
            return v;
        }
        int hash = v.indexOf(" #");
        return hash < 0 ? v : v.substring(0, hash).strip();
    }
}
