package dev.distributary.cli;

import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import picocli.CommandLine.Option;

/**
 * The {@code --environment NAME} option of the commands that name the platform's resources: the
 * environment prefixes every physical name ({@code shop-dev-billing}), as in the Pulumi stacks,
 * whose default it shares.
 */
public final class EnvironmentOption {
    @Option(
            names = "--environment",
            paramLabel = "NAME",
            defaultValue = ResourceNames.DEFAULT_ENVIRONMENT,
            description =
                    "The environment whose resources to use, as the stacks name them (shop-${DEFAULT-VALUE}-billing; "
                            + "default: ${DEFAULT-VALUE}, the stacks' default, which the local run uses too).")
    String environment;

    public String name() {
        return environment;
    }

    /** The platform's resource names in this environment; a name that breaks the rule is a user error. */
    public ResourceNames names(Topology topology) {
        try {
            return ResourceNames.of(topology, environment);
        } catch (IllegalArgumentException e) {
            throw new UserException("--environment: " + e.getMessage());
        }
    }
}
