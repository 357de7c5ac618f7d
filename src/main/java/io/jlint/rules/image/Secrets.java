package io.jlint.rules.image;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How secrets look: well-known token formats, variable names that hold credentials with a literal value, and
 * URLs with a password. Findings name what was found, never the secret itself.
 */
final class Secrets {
    private Secrets() {
    }

    /** A recognisable token format and what to call it. */
    record TokenKind(String what, Pattern pattern) {
    }

    static final List<TokenKind> TOKENS = List.of(
            new TokenKind("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new TokenKind("a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
            new TokenKind("a GitHub token", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{40,}\\b")),
            new TokenKind("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new TokenKind("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new TokenKind("a Stripe live key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{20,}\\b")),
            new TokenKind("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")),
            new TokenKind("an npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new TokenKind("a PyPI token", Pattern.compile("\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
            new TokenKind("a SendGrid key", Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b")),
            new TokenKind("a private key", Pattern.compile("-----BEGIN [A-Z ]{0,30}PRIVATE KEY( BLOCK)?-----")));

    /** Name endings (after upper-casing and turning {@code -} and {@code .} into {@code _}) that hold secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?:^|_)(?:PASSWORD|PASSWD|PASS|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|AUTH_TOKEN|ACCESS_TOKEN|API_KEY"
                    + "|APIKEY|ACCESS_KEY|PRIVATE_KEY|CLIENT_SECRET)$");
    /** Values that are switches, references or placeholders, not secrets. */
    private static final Set<String> NOT_SECRETS = Set.of("yes", "no", "true", "false", "on", "off", "none", "null",
            "nil", "empty", "unset", "-", "*", "xxx", "xxxx", "***", "****", "redacted", "todo", "tbd");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "\\b[a-zA-Z][a-zA-Z0-9+.-]*://([^/\\s:@'\"]+):([^/\\s@'\"]+)@[^\\s'\"]");

    /** The first known token format in {@code text}, or null. */
    static String token(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (TokenKind t : TOKENS) {
            if (t.pattern().matcher(text).find()) {
                return t.what();
            }
        }
        return null;
    }

    /** True for a variable or key name that holds a credential ({@code DB_PASSWORD}, {@code NPM_TOKEN}, …). */
    static boolean secretName(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        return SECRET_NAME.matcher(n).find();
    }

    /**
     * True when {@code value} is a literal that could be a credential: not empty, not a variable reference, not a
     * path (file-based secrets), not a switch, a placeholder or a small number, and not all one character.
     */
    static boolean literalSecret(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || v.contains("$") || v.startsWith("/") || v.startsWith("<") || v.startsWith("%")
                || v.startsWith("{{")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (NOT_SECRETS.contains(lower) || v.chars().distinct().count() == 1 || v.matches("\\d{1,5}")) {
            return false;
        }
        return true;
    }

    /** "a password" or "a token" etc. for a secret name, for messages. */
    static String kind(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.contains("PASS")) {
            return "a password";
        }
        if (n.contains("TOKEN")) {
            return "a token";
        }
        if (n.contains("KEY")) {
            return "a key";
        }
        return "a secret";
    }

    /** The user name of the first URL in {@code text} that carries a literal password ({@code https://u:p@h}), or null. */
    static String urlWithPassword(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL_CREDENTIALS.matcher(text);
        while (m.find()) {
            if (literalSecret(m.group(2))) {
                return m.group(1);
            }
        }
        return null;
    }
}
