package io.jlint.dockerfile.model;

import java.util.List;
import java.util.Optional;

/**
 * One Dockerfile instruction. Each kind is a record holding the generic {@link Node} plus its typed parts.
 * Values are as BuildKit dispatches them before variable expansion; see {@code dockerfile.model} docs.
 */
public sealed interface Instruction permits Instruction.From, Instruction.Run, Instruction.Cmd,
        Instruction.Entrypoint, Instruction.Copy, Instruction.Add, Instruction.Env, Instruction.Arg,
        Instruction.Label, Instruction.Expose, Instruction.User, Instruction.Workdir, Instruction.Volume,
        Instruction.Shell, Instruction.Healthcheck, Instruction.Stopsignal, Instruction.Onbuild,
        Instruction.Maintainer {

    Node node();

    default InstructionKind kind() {
        return node().kind();
    }

    default Span span() {
        return node().span();
    }

    default int line() {
        return node().span().startLine();
    }

    default List<Flag> flags() {
        return node().flags();
    }

    /** The last flag of that name (BuildKit takes the last), if any. */
    default Optional<Flag> flag(String name) {
        Flag found = null;
        for (Flag f : node().flags()) {
            if (f.is(name)) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code FROM [--platform=…] image [AS name]}; {@code image} unexpanded, {@code stageName} null if none. */
    record From(Node node, String image, String stageName) implements Instruction {
    }

    /** {@code RUN}; {@code mounts} parsed from the {@code --mount} flags. */
    record Run(Node node, CommandLine command, List<Mount> mounts) implements Instruction {
        public Run {
            mounts = List.copyOf(mounts);
        }
    }

    record Cmd(Node node, CommandLine command) implements Instruction {
    }

    record Entrypoint(Node node, CommandLine command) implements Instruction {
    }

    /** {@code COPY}; for heredoc sources, {@code sources} holds the heredoc names as BuildKit does. */
    record Copy(Node node, List<String> sources, String destination, List<Heredoc> heredocs) implements Instruction {
        public Copy {
            sources = List.copyOf(sources);
            heredocs = List.copyOf(heredocs);
        }
    }

    record Add(Node node, List<String> sources, String destination, List<Heredoc> heredocs) implements Instruction {
        public Add {
            sources = List.copyOf(sources);
            heredocs = List.copyOf(heredocs);
        }
    }

    record Env(Node node, List<KeyValue> pairs) implements Instruction {
        public Env {
            pairs = List.copyOf(pairs);
        }
    }

    /** {@code ARG name[=default] …}; a pair's value is null when there is no default. */
    record Arg(Node node, List<KeyValue> pairs) implements Instruction {
        public Arg {
            pairs = List.copyOf(pairs);
        }
    }

    record Label(Node node, List<KeyValue> pairs) implements Instruction {
        public Label {
            pairs = List.copyOf(pairs);
        }
    }

    record Expose(Node node, List<String> ports) implements Instruction {
        public Expose {
            ports = List.copyOf(ports);
        }
    }

    record User(Node node, String user) implements Instruction {
    }

    record Workdir(Node node, String path) implements Instruction {
    }

    record Volume(Node node, List<String> paths) implements Instruction {
        public Volume {
            paths = List.copyOf(paths);
        }
    }

    record Shell(Node node, List<String> shell) implements Instruction {
        public Shell {
            shell = List.copyOf(shell);
        }
    }

    /** {@code HEALTHCHECK NONE} ({@code none} true, {@code command} null) or {@code HEALTHCHECK [opts] CMD …}. */
    record Healthcheck(Node node, boolean none, CommandLine command) implements Instruction {
    }

    record Stopsignal(Node node, String signal) implements Instruction {
    }

    /** {@code ONBUILD trigger}; the trigger's spans point into the same line. */
    record Onbuild(Node node, Instruction trigger) implements Instruction {
    }

    record Maintainer(Node node, String maintainer) implements Instruction {
    }
}
