package io.jlint.rules.dockerfile;

import java.util.List;
import java.util.Set;

/**
 * The JL101 reorder for {@code go mod download}: go.mod and go.sum are copied first. Refused when go.mod replaces a
 * module with a local folder, when the context has a go.work (its modules are read too), or when GOFLAGS, GOWORK or
 * the module cache point into the context.
 */
final class GoReorder implements DependencyReorder.Ecosystem {

    @Override
    public void check(ReorderContext ctx, Argv a, List<Argv> companions) {
        List<String> args = a.args();
        int at = args.indexOf("download");
        for (int i = at + 1; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("-") && !Set.of("-x", "-json", "-reuse").contains(s.replaceFirst("=.*", ""))) {
                throw ReorderContext.refused("jlint does not know what `go mod download " + s + "` reads");
            }
            if (s.startsWith("-reuse")) {
                ctx.checkValue(s.contains("=") ? s.substring(s.indexOf('=') + 1) : "", "go mod download -reuse");
            }
        }
        ctx.checkEnv(Set.of(), List.of("GOFLAGS", "GOWORK", "GOPATH", "GOMODCACHE", "GOENV", "GOPROXY"));
        String flags = ctx.env("GOFLAGS");
        if (flags != null && flags.contains("-modfile")) {
            throw ReorderContext.refused("GOFLAGS names another go.mod (-modfile)");
        }
        String work = ctx.env("GOWORK");
        if (work != null && !work.equals("off")) {
            throw ReorderContext.refused("GOWORK names a workspace file, whose modules go mod download reads");
        }
        ctx.absent("go.work", "whose modules go mod download reads");
        ctx.copy("go.mod");
        for (String l : ctx.lines("go.mod")) {
            int arrow = l.indexOf("=>");
            if (arrow >= 0) {
                String target = l.substring(arrow + 2).strip();
                if (target.startsWith(".") || target.startsWith("/")) {
                    throw ReorderContext.refused("go.mod replaces a module with a local directory (" + target + ")");
                }
            }
        }
        ctx.copyIfPresent("go.sum");
    }
}
