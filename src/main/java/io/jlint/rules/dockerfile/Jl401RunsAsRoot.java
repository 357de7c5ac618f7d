package io.jlint.rules.dockerfile;

import com.google.auto.service.AutoService;
import io.jlint.dockerfile.model.Dockerfile;
import io.jlint.dockerfile.model.Stage;
import io.jlint.engine.Category;
import io.jlint.engine.FindingSink;
import io.jlint.engine.Rule;
import io.jlint.engine.RuleContext;
import io.jlint.engine.RuleInfo;
import io.jlint.engine.Severity;
import java.util.List;

/**
 * The built stage runs as root: its last USER (own or inherited from the stage it is built FROM) is root, or there
 * is no USER at all and the base image is not one known to run as a non-root user. Reported on the last
 * {@code USER root}, or on the FROM of the built stage when USER is missing.
 */
@AutoService(Rule.class)
@SuppressWarnings("rawtypes") // AutoService can only name the raw Rule type: silences its warning
@RuleInfo(id = "JL401", name = "runs-as-root", category = Category.ROOT_USER, severity = Severity.WARNING,
        summary = "The built stage runs as root: no USER, or the last USER is root",
        equivalents = {"hadolint:DL3002", "dockle:CIS-DI-0001", "trivy:DS002"})
public final class Jl401RunsAsRoot implements Rule<Dockerfile> {

    @Override
    public Class<Dockerfile> subjectType() {
        return Dockerfile.class;
    }

    @Override
    public void check(Dockerfile df, RuleContext ctx, FindingSink out) {
        if (df == null || df.stages().isEmpty()) {
            return;
        }
        Stage target = df.targetStage(ctx.config().target());
        List<Stage> chain = BuildChain.of(df, target);
        if (BuildChain.windows(df, chain)) {
            return;
        }
        RootUser.LastUser last = RootUser.lastUser(df, chain);
        if (last != null) {
            if (RootUser.isRoot(last.resolved())) {
                out.report(last.user().span(), "The last USER of the built stage is " + last.resolved()
                        + ", so the container runs as root; after the steps that need root, switch to an unprivileged"
                        + " user (e.g. USER app, or a numeric UID such as USER 10001)");
            }
            return;
        }
        String image = BuildChain.baseImage(df, chain);
        if (image == null || RootUser.nonRootImage(image)) {
            return;
        }
        if (image.equals("scratch") && !RootUser.startsSomething(chain)) {
            return; // a scratch stage without CMD/ENTRYPOINT only exports files (docker build --output)
        }
        String base = image.equals("scratch") ? "FROM scratch has no users" : image + " runs as root by default";
        out.report(target.from().span(), "The built stage never sets USER and " + base
                + ", so the container runs as root; create an unprivileged user and add USER before CMD/ENTRYPOINT"
                + " (e.g. RUN useradd -r -u 10001 app, then USER app)");
    }
}
