package dev.distributary.cli;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.moto.MotoUnavailableException;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the commands that run the platform locally, and starting it. */
public final class LocalRun {
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

    /** Set by the {@code ./distributary} launcher to the repository root. */
    static final String HOME_PROPERTY = "distributary.home";

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Use an emulator that is already running at URL instead of starting moto server.")
    URI endpoint;

    @Option(
            names = "--processor-jar",
            paramLabel = "JAR",
            description =
                    "The processor's deployment jar (default: regional-processor/target/distributary-processor.jar in the repository).")
    Path processorJar;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description =
                    "Where the run's logs go, kept after the run (default: a new temporary directory, removed when the run ends).")
    Path workDir;

    @Option(
            names = "--replication-delay",
            paramLabel = "MIN-MAX",
            defaultValue = "500-1000",
            description =
                    "Milliseconds between a write and its copy in another region, jittered between MIN and MAX (default: ${DEFAULT-VALUE}).")
    String replicationDelay;

    @Mixin
    EnvironmentOption environment;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description =
                    "Fixes every choice of the workload (the same seed writes the same items, operations and classes in the same order) "
                            + "and seeds replication jitter and injected faults (default: ${DEFAULT-VALUE}).")
    long seed;

    private ReplicationSettings replication(ReplicationSettings defaults) {
        Matcher range = RANGE.matcher(replicationDelay.strip());
        if (!range.matches() || Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))) {
            throw new UserException("--replication-delay '" + replicationDelay
                    + "' is not MIN-MAX in milliseconds with MIN <= MAX, such as 500-1000");
        }
        return defaults.withDelay(
                Duration.ofMillis(Long.parseLong(range.group(1))), Duration.ofMillis(Long.parseLong(range.group(2))));
    }

    /**
     * Starts the platform described by the file, printing progress to {@code messages}; it stops,
     * and a temporary work directory is removed, when the session closes or on Ctrl-C. A start that
     * fails leaves nothing behind.
     */
    LocalSession start(PlatformFile platform, Topology topology, PrintWriter messages) {
        WorkDirectory work = workDirectory();
        try {
            LocalOptions options = options(platform, topology, work.path());
            messages.println("logs: " + work.describe("logs"));
            LocalPlatform running = LocalPlatform.start(options, line -> messages.println("  " + line));
            return new LocalSession(running, work, messages);
        } catch (MotoUnavailableException e) {
            work.close();
            throw new UserException(e.getMessage(), Distributary.BAD_INPUT);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /** The run's work directory: --work-dir, or a new temporary one. */
    WorkDirectory workDirectory() {
        return WorkDirectory.of(workDir);
    }

    /** The options of a local run of the file's platform: its jar, the work directory, the endpoint and seed. */
    LocalOptions options(PlatformFile platform, Topology topology, Path work) {
        ReplicationSettings replication = replication(ReplicationSettings.defaults());
        Path jar =
                Optional.ofNullable(processorJar).orElseGet(() -> home().resolve(LocalOptions.DEFAULT_PROCESSOR_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new UserException("the processor's deployment jar " + jar
                    + " is missing; run ./distributary from the repository root "
                    + "(it builds the jar), or build it with ./mvnw -pl regional-processor -am package -DskipTests");
        }
        environment.names(topology); // a bad name is the user's error, before anything starts
        String yaml;
        try {
            yaml = Files.readString(platform.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalOptions.defaults(topology, yaml, jar, work)
                .withEnvironment(environment.name())
                .withEndpoint(Optional.ofNullable(endpoint))
                .withSeed(seed)
                .withReplication(replication);
    }

    /** The repository root, where the launcher runs from. */
    static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, "."));
    }
}
