package dev.distributary.local;

import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a platform locally.
 *
 * @param topology      the platform
 * @param platformYaml  its YAML, handed to each region's processor
 * @param endpoint      a running emulator to use; empty starts moto server on a free loopback port
 * @param processorJar  the processor's deployment jar
 * @param workDirectory where logs and runtime files go
 * @param replication   the replication delay and ordering
 * @param pollInterval  the event source mapping's poll interval while records flow (Lambda: 250 ms)
 * @param maxIdlePoll   the longest back-off between polls of an idle stream
 * @param seed          seeds the replication jitter and fault injection, so runs can be repeated
 */
public record LocalOptions(
        Topology topology,
        String platformYaml,
        Optional<URI> endpoint,
        Path processorJar,
        Path workDirectory,
        ReplicationSettings replication,
        Duration pollInterval,
        Duration maxIdlePoll,
        long seed) {

    public static final String DEFAULT_PROCESSOR_JAR = "regional-processor/target/distributary-processor.jar";

    public LocalOptions {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(platformYaml, "platformYaml");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(processorJar, "processorJar");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(replication, "replication");
    }

    /** Lambda's poll rate, the default replication delay, a new moto server. */
    public static LocalOptions defaults(Topology topology, String platformYaml, Path processorJar, Path workDirectory) {
        return new LocalOptions(topology, platformYaml, Optional.empty(), processorJar, workDirectory, ReplicationSettings.defaults(),
                Duration.ofMillis(250), Duration.ofMillis(500), 42);
    }

    public LocalOptions withEndpoint(URI uri) {
        return new LocalOptions(topology, platformYaml, Optional.of(uri), processorJar, workDirectory, replication, pollInterval, maxIdlePoll, seed);
    }

    public LocalOptions withReplication(ReplicationSettings settings) {
        return new LocalOptions(topology, platformYaml, endpoint, processorJar, workDirectory, settings, pollInterval, maxIdlePoll, seed);
    }
}
