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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The options of the commands that run the platform locally, and starting it. */
public final class LocalRun {
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");

    /** Set by the {@code ./distributary} launcher to the repository root. */
    static final String HOME_PROPERTY = "distributary.home";

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Use an emulator that is already running at URL instead of starting moto server.")
    URI endpoint;

    @Option(names = "--processor-jar", paramLabel = "JAR",
            description = "The processor's deployment jar (default: regional-processor/target/distributary-processor.jar in the repository).")
    Path processorJar;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the run's logs go (default: a new directory in the system's temporary directory).")
    Path workDir;

    @Option(names = "--replication-delay", paramLabel = "MIN-MAX", defaultValue = "500-1000",
            description = "Milliseconds between a write and its copy in another region, jittered between MIN and MAX (default: ${DEFAULT-VALUE}).")
    String replicationDelay;

    @Option(names = "--seed", defaultValue = "42", description = "Seeds replication jitter and the workload, so runs can be repeated (default: ${DEFAULT-VALUE}).")
    long seed;

    private ReplicationSettings replication(ReplicationSettings defaults) {
        Matcher range = RANGE.matcher(replicationDelay.strip());
        if (!range.matches() || Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))) {
            throw new UserException("--replication-delay '" + replicationDelay + "' is not MIN-MAX in milliseconds with MIN <= MAX, such as 500-1000");
        }
        return defaults.withDelay(Duration.ofMillis(Long.parseLong(range.group(1))), Duration.ofMillis(Long.parseLong(range.group(2))));
    }

    /** Starts the platform described by the file, printing progress; stops it on Ctrl-C too. */
    LocalPlatform start(PlatformFile platform, Topology topology, PrintWriter out) {
        LocalOptions options = options(platform, topology);
        out.println("logs: " + options.workDirectory().resolve("logs"));
        try {
            LocalPlatform running = LocalPlatform.start(options, line -> out.println("  " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "distributary-shutdown"));
            return running;
        } catch (MotoUnavailableException e) {
            throw new UserException(e.getMessage(), Distributary.BAD_INPUT);
        }
    }

    /** The options of a local run of the file's platform: its jar, a work directory, the endpoint and seed. */
    LocalOptions options(PlatformFile platform, Topology topology) {
        ReplicationSettings replication = replication(ReplicationSettings.defaults());
        Path jar = Optional.ofNullable(processorJar).orElseGet(() -> home().resolve(LocalOptions.DEFAULT_PROCESSOR_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new UserException("the processor's deployment jar " + jar + " is missing; run ./distributary from the repository root "
                    + "(it builds the jar), or build it with ./mvnw -pl regional-processor -am package -DskipTests");
        }
        String yaml;
        Path work;
        try {
            yaml = Files.readString(platform.path());
            work = workDir != null ? Files.createDirectories(workDir)
                    : Files.createTempDirectory("distributary-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalOptions.defaults(topology, yaml, jar, work).withEndpoint(Optional.ofNullable(endpoint)).withSeed(seed)
                .withReplication(replication);
    }

    /** The repository root, where the launcher runs from. */
    static Path home() {
        return Path.of(System.getProperty(HOME_PROPERTY, "."));
    }
}
