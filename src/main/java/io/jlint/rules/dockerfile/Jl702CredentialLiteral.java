package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Heredoc;
import io.jlint.dockerfile.model.Instruction;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A credential written into the Dockerfile: an access key, a token or a private key, recognised by its shape. */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL702", name = "credential-in-dockerfile", category = Category.SECURITY, severity = Severity.ERROR,
        summary = "An instruction contains a literal credential (cloud access key, API token, private key)")
public final class Jl702CredentialLiteral implements Rule<Dockerfile> {

    private record Kind(String what, Pattern pattern) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("an AWS access key id", Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])")),
            new Kind("a GitHub token", Pattern.compile("(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])")),
            new Kind("a GitHub token", Pattern.compile("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{50,}")),
            new Kind("a GitLab token", Pattern.compile("(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}")),
            new Kind("a Slack token", Pattern.compile("(?<![A-Za-z0-9])xox[abposr]-[0-9]{6,}-[A-Za-z0-9-]{6,}")),
            new Kind("a Stripe secret key", Pattern.compile("(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{20,}")),
            new Kind("an npm token", Pattern.compile("(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])")),
            new Kind("a Google API key", Pattern.compile("(?<![A-Za-z0-9_])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")),
            new Kind("a private key", Pattern.compile(
                    "-----BEGIN (?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----")));

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        for (Instruction in : df.instructions()) {
            String what = find(in.node().original());
            if (what == null) {
                for (Heredoc h : in.node().heredocs()) {
                    what = find(h.body());
                    if (what != null) {
                        break;
                    }
                }
            }
            if (what != null) {
                out.report(in.span(), in.node().keyword().toUpperCase(java.util.Locale.ROOT) + " contains " + what
                        + " in plain text: it is readable by anyone with the Dockerfile or the image (history, "
                        + "config or layer); revoke it now, and pass credentials with RUN --mount=type=secret or at "
                        + "run time instead");
            }
        }
    }

    private static String find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(text);
            while (m.find()) {
                String hit = m.group();
                if (!hit.endsWith("EXAMPLE") && !looksFake(hit)) {
                    return k.what();
                }
            }
        }
        return null;
    }

    /** Documentation placeholders: the same character repeated, or a run of x. */
    private static boolean looksFake(String hit) {
        String tail = hit.substring(Math.min(hit.length(), 8));
        return tail.chars().distinct().count() <= 2 || tail.toLowerCase(java.util.Locale.ROOT).contains("xxxxxxxx");
    }
}
