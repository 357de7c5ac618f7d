package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.BuildHistory;
import io.jlint.image.ImageConfig;
import io.jlint.image.ImageModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Secrets in what anyone who pulls the image can read without running it: environment variables and labels of the
 * config, and the history (ENV and ARG steps, the build arguments recorded with RUN steps as {@code |N K=V …}, and
 * literal tokens or URL passwords in RUN commands). A secret is a well-known token format (AWS key ids, GitHub,
 * GitLab, Slack, Stripe, Google, npm, PyPI, SendGrid tokens, PEM private keys), a URL with a literal password,
 * or a literal value in a variable named like a credential ({@code *_PASSWORD}, {@code *_TOKEN}, {@code *_SECRET},
 * {@code *_API_KEY}, …; not references, paths, switches or placeholders). Messages never repeat the value.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1701", name = "secret-in-config", category = Category.SECURITY, severity = Severity.ERROR,
        summary = "A password, token or key is stored in the image's environment, labels or history",
        equivalents = {"dockle:CIS-DI-0010"})
public final class Jl1701SecretInConfig implements Rule<ImageModel> {

    private static final String RUNTIME = "pass it at run time instead (docker run -e / --env-file, a mounted"
            + " secret file, or your orchestrator's secrets)";
    private static final String BUILD = "use a BuildKit secret mount instead (RUN --mount=type=secret,id=… reads"
            + " it from a file that never reaches the image)";

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        ImageConfig c = m.config();
        Set<String> reported = new HashSet<>();
        for (String e : c.env()) {
            int eq = e.indexOf('=');
            String name = eq < 0 ? e : e.substring(0, eq);
            String value = eq < 0 ? "" : e.substring(eq + 1);
            String what = judge(name, value);
            if (what != null && reported.add("env " + name + "=" + value)) {
                out.reportImage(null, null, "The environment variable " + name + " holds " + what + ": anyone who"
                        + " can pull the image reads it with docker inspect; " + RUNTIME);
            }
        }
        for (Map.Entry<String, String> l : c.labels().entrySet()) {
            String what = judge(l.getKey(), l.getValue());
            if (what != null) {
                out.reportImage(null, null, "The label " + l.getKey() + " holds " + what + ": labels are public to"
                        + " anyone who can pull the image; remove it from the Dockerfile's LABEL");
            }
        }
        for (BuildHistory.Step s : m.history().steps()) {
            Integer layer = s.makesLayer() ? s.layer() : null;
            String where = s.describe(Layers.STEP_WIDTH);
            switch (s.kind()) {
                case ENV, ARG -> {
                    for (Map.Entry<String, String> kv : pairs(s.body()).entrySet()) {
                        String what = judge(kv.getKey(), kv.getValue());
                        if (what == null || reported.contains("env " + kv.getKey() + "=" + kv.getValue())) {
                            continue;
                        }
                        reported.add("env " + kv.getKey() + "=" + kv.getValue());
                        out.reportImage(layer, null, "The history step " + s.kind() + " " + kv.getKey() + " keeps "
                                + what + " in the image (docker history shows it, even where a later ENV replaced"
                                + " it); " + (s.kind() == BuildHistory.Kind.ARG ? BUILD : RUNTIME));
                    }
                }
                case LABEL -> {
                    // the config's labels are judged above
                }
                default -> {
                    for (Map.Entry<String, String> a : s.buildArgs().entrySet()) {
                        String what = judge(a.getKey(), a.getValue());
                        // the classic builder records every build argument with every later RUN: report it once
                        if (what != null && reported.add("arg " + a.getKey() + "=" + a.getValue())) {
                            out.reportImage(layer, null, where + " was built with the build argument " + a.getKey()
                                    + ", which holds " + what + " and is recorded in the image history (docker"
                                    + " history shows it); " + BUILD);
                        }
                    }
                    String what = Secrets.token(s.body());
                    if (what == null && Secrets.urlWithPassword(s.body()) != null) {
                        what = "a URL with a password (user " + Secrets.urlWithPassword(s.body()) + ")";
                    }
                    if (what != null) {
                        out.reportImage(layer, null, "The history of " + (layer == null ? "a step" : "this layer")
                                + " (" + s.kind().name() + " …) contains " + what + " in the command text, which"
                                + " docker history shows to anyone who can pull the image; " + BUILD);
                    }
                }
            }
        }
    }

    /** What {@code name=value} holds when it is a secret ("a password", "a GitHub token", …), else null. */
    static String judge(String name, String value) {
        String token = Secrets.token(value);
        if (token != null) {
            return token;
        }
        if (Secrets.secretName(name) && Secrets.literalSecret(value)) {
            return "a literal " + Secrets.kind(name).substring(2);
        }
        String user = Secrets.urlWithPassword(value);
        return user == null ? null : "a URL with a password (user " + user + ")";
    }

    /** {@code K=V K2="v 2"} or the legacy {@code K V} of an ENV/ARG step's text. */
    static Map<String, String> pairs(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        String b = body.strip();
        int sp = b.indexOf(' ');
        int eq = b.indexOf('=');
        if (eq < 0 || (sp >= 0 && sp < eq)) {
            // legacy "ENV NAME value with spaces" (or ARG NAME without a default)
            if (sp > 0) {
                out.put(b.substring(0, sp), b.substring(sp + 1).strip());
            }
            return out;
        }
        int i = 0;
        while (i < b.length()) {
            while (i < b.length() && b.charAt(i) == ' ') {
                i++;
            }
            int e = b.indexOf('=', i);
            if (e < 0) {
                break;
            }
            String key = b.substring(i, e);
            StringBuilder v = new StringBuilder();
            int j = e + 1;
            char quote = 0;
            while (j < b.length()) {
                char ch = b.charAt(j);
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0;
                    } else if (ch == '\\' && quote == '"' && j + 1 < b.length()) {
                        v.append(b.charAt(++j));
                    } else {
                        v.append(ch);
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == ' ') {
                    break;
                } else {
                    v.append(ch);
                }
                j++;
            }
            if (!key.isEmpty() && !key.contains(" ")) {
                out.put(key, v.toString());
            }
            i = j + 1;
        }
        return out;
    }
}
