package dev.distributary.cli;

import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -f FILE} option every command takes, and the platform it names. */
public final class PlatformFile {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            defaultValue = TopologyLoader.DEFAULT_FILE,
            description = "The platform file (default: ${DEFAULT-VALUE} in the current directory).")
    Path file;

    public Path path() {
        return file;
    }

    /** Loads and validates the file; a bad file ends the command with its problems and exit code 2. */
    public Topology load() {
        return TopologyLoader.load(file);
    }

    /** A region of the platform; anything else is a user error listing the platform's regions. */
    public static String requireRegion(Topology topology, String region) {
        if (!topology.regions().contains(region)) {
            throw new UserException(
                    "region '" + region + "' is not one of the platform's regions " + topology.regions());
        }
        return region;
    }
}
