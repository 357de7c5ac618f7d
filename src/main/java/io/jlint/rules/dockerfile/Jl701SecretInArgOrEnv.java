package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.dockerfile.model.KeyValue;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.rules.dockerfile.support.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ENV or ARG whose name says it holds a secret and whose value is a literal: the secret is baked into the image
 * config or history. Names that only point at a secret ({@code PASSWORD_FILE}, {@code TOKEN_URL}…), values that
 * are variable references, paths, booleans or placeholders, and public keys ({@code GPG_KEY}) are left alone.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL701", name = "secret-in-arg-or-env", category = Category.SECURITY, severity = Severity.WARNING,
        summary = "ENV or ARG sets a literal value for a name that holds a secret, which stays readable in the image",
        equivalents = {"buildkit:SecretsUsedInArgOrEnv"})
public final class Jl701SecretInArgOrEnv implements Rule<Dockerfile> {

    /** Words that make a name secret wherever they stand at its start or end. */
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWORDS", "PASSWD", "PASSPHRASE",
            "SECRET", "SECRETS", "TOKEN", "TOKENS", "APIKEY", "CREDENTIAL", "CREDENTIALS", "CREDS");

    /** Words that make a name secret only as its last word, after another word ({@code DB_PASS}, {@code DB_PWD}). */
    private static final Set<String> SECRET_LAST_WORDS = Set.of("PASS", "PWD", "PW");

    /** Words that turn a following {@code KEY} into a secret key ({@code API_KEY}, {@code PRIVATE_KEY}…). */
    private static final Set<String> KEY_QUALIFIERS = Set.of("API", "SECRET", "PRIVATE", "ACCESS", "MASTER",
            "ENCRYPTION", "SIGNING", "CLIENT", "APP", "AUTH", "LICENSE", "SESSION", "ACCOUNT", "STORAGE", "SSH",
            "JWT", "HMAC", "SERVICE");

    /** A name ending in one of these points at, describes or configures a secret rather than holding it. */
    private static final Set<String> NOT_SECRET_LAST = Set.of("FILE", "FILES", "PATH", "PATHS", "DIR", "DIRECTORY",
            "URL", "URI", "URLS", "HOST", "HOSTNAME", "PORT", "NAME", "NAMES", "ID", "IDS", "USER", "USERNAME",
            "TYPE", "MODE", "ENABLED", "ENABLE", "DISABLED", "DISABLE", "LENGTH", "LEN", "VERSION", "HEADER",
            "ENDPOINT", "SERVER", "LOCATION", "KEYRING", "FINGERPRINT", "EXPIRY", "EXPIRES", "EXPIRATION", "TTL",
            "TIMEOUT", "INTERVAL", "REQUIRED", "COMMAND", "CMD", "PROVIDER", "METHOD", "FORMAT", "PREFIX", "SUFFIX",
            "FIELD", "PARAM", "REGEX", "POLICY", "SIZE", "BITS", "ALGORITHM", "ALGO", "HASH", "ENV", "VAR",
            "NAMESPACE", "REF", "STORE", "BACKEND", "SOURCE", "MOUNT", "KIND", "LIFETIME", "AGE", "ROTATION",
            "ISSUER", "AUDIENCE", "REALM", "SCOPE", "SCOPES", "CACHE", "DB", "DATABASE", "TABLE", "KEY", "KEYS",
            "CHECK", "RESET", "MIN", "MAX", "COUNT", "RETRIES", "ATTEMPTS", "LOGIN", "PUBLIC", "PUB", "HELPER");

    /** A name with one of these words names public material. */
    private static final Set<String> PUBLIC_WORDS = Set.of("PUBLIC", "PUB", "PUBKEY", "GPG", "PGP", "GNUPG",
            "FINGERPRINT", "KEYSERVER", "KEYRING", "CERT", "CERTIFICATE", "CA");

    private static final Set<String> NOT_SECRET_VALUES = Set.of("true", "false", "yes", "no", "on", "off", "0", "1",
            "none", "null", "nil", "disabled", "enabled", "required", "optional", "empty", "changeme-at-runtime");

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>|\\{\\{.*}}|x+|X+|\\*+|\\.\\.\\.|-+");

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            List<KeyValue> pairs;
            String kind;
            if (in instanceof Instruction.Env env) {
                pairs = env.pairs();
                kind = "ENV";
            } else if (in instanceof Instruction.Arg arg) {
                pairs = arg.pairs();
                kind = "ARG";
            } else {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (KeyValue kv : pairs) {
                if (kv.key() != null && isSecretName(kv.key()) && isLiteralSecretValue(kv, df.escape())) {
                    keys.add(kv.key());
                }
            }
            if (keys.isEmpty()) {
                continue;
            }
            String names = String.join(", ", keys);
            String where = kind.equals("ENV")
                    ? "stays in the image config, where anyone who can pull the image reads it (docker inspect)"
                    : "is recorded in the image history of every RUN that uses it (docker history)";
            out.report(in.span(), kind + " " + names + " sets a literal secret, which " + where
                    + "; pass it at run time (docker run -e, a mounted secrets file) or, for the build, use "
                    + "RUN --mount=type=secret,id=" + keys.get(0).toLowerCase(Locale.ROOT) + " and read "
                    + "/run/secrets/" + keys.get(0).toLowerCase(Locale.ROOT));
        }
    }

    /** True when the variable name says it holds a secret. */
    static boolean isSecretName(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        for (String w : words) {
            if (PUBLIC_WORDS.contains(w)) {
                return false;
            }
        }
        int n = words.size();
        String last = words.get(n - 1);
        if (SECRET_WORDS.contains(last)) {
            return true;
        }
        if (n > 1 && SECRET_LAST_WORDS.contains(last)) {
            return true;
        }
        if (n > 1 && last.equals("KEY") && KEY_QUALIFIERS.contains(words.get(n - 2))) {
            return true;
        }
        if (NOT_SECRET_LAST.contains(last)) {
            return false;
        }
        String first = words.get(0);
        return SECRET_WORDS.contains(first)
                || n > 2 && words.get(1).equals("KEY") && KEY_QUALIFIERS.contains(first);
    }

    /** Splits {@code DB_PASSWORD}, {@code db-password}, {@code dbPassword} into upper-case words. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
                flush(cur, out);
            }
            cur.append(c);
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toUpperCase(Locale.ROOT));
            cur.setLength(0);
        }
    }

    /** True for a literal, non-trivial value: no variable reference, path, boolean or placeholder. */
    private static boolean isLiteralSecretValue(KeyValue kv, char escape) {
        String raw = kv.rawValue() != null ? kv.rawValue() : kv.value();
        if (raw == null || kv.value() == null) {
            return false;
        }
        for (Variables.Ref r : Variables.references(raw, escape)) {
            if (!r.special()) {
                return false;
            }
        }
        String v = kv.value().trim();
        if (v.isEmpty() || v.startsWith("/") || v.startsWith("./") || v.startsWith("~/") || v.startsWith("$")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return !NOT_SECRET_VALUES.contains(lower) && !PLACEHOLDER.matcher(v).matches()
                && !lower.startsWith("/run/secrets");
    }
}
