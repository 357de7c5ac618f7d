package io.jlint.rules.image;

import com.google.auto.service.AutoService;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import io.jlint.image.ImageConfig;
import io.jlint.image.ImageModel;
import java.util.List;
import java.util.Locale;

/**
 * The image's config runs its process as root: {@code User} empty, {@code root}, {@code 0} (with any group).
 * Images that start nothing (no entrypoint, no cmd: data or base layers) and Windows images are not judged.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL1401", name = "image-runs-as-root", category = Category.ROOT_USER, severity = Severity.WARNING,
        summary = "The image's config runs the container as root",
        equivalents = {"dockle:CIS-DI-0001", "trivy:DS002"})
public final class Jl1401ImageRunsAsRoot implements Rule<ImageModel> {

    @Override
    public Class<ImageModel> subjectType() {
        return ImageModel.class;
    }

    @Override
    public void check(ImageModel m, RuleContext context, FindingSink out) {
        ImageConfig c = m.config();
        if ("windows".equalsIgnoreCase(c.os()) || (empty(c.entrypoint()) && empty(c.cmd()))) {
            return;
        }
        String user = c.user() == null ? "" : c.user().trim();
        int colon = user.indexOf(':');
        String name = colon < 0 ? user : user.substring(0, colon);
        if (!name.isEmpty() && !name.equals("root") && !name.equals("0")) {
            return;
        }
        String why = user.isEmpty() ? "the config sets no user" : "the config's user is " + user;
        out.reportImage(null, null, "The image runs " + start(c) + " as root (" + why + "): whoever breaks into the"
                + " process is root in the container, one step from the host; create a user (RUN useradd -r -u 10001"
                + " app) and end the final stage with USER 10001");
    }

    private static boolean empty(List<String> l) {
        return l == null || l.isEmpty();
    }

    private static String start(ImageConfig c) {
        List<String> argv = !empty(c.entrypoint()) ? c.entrypoint() : c.cmd();
        String first = argv.get(0);
        String base = first.substring(first.lastIndexOf('/') + 1);
        if (argv.size() >= 3 && base.toLowerCase(Locale.ROOT).matches("(ba|da|a|z|k)?sh") && argv.get(1).equals("-c")) {
            return "its shell command";
        }
        return first;
    }
}
