package dev.distributary.local;

import dev.distributary.local.replication.ReplicationSettings;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a platform locally.
 *
 * @param topology        the platform
 * @param platformYaml    its YAML, handed to each region's processor
 * @param environment     the environment name that prefixes every resource name, as in the stacks ({@code shop-dev-billing})
 * @param endpoint        a running emulator to use; empty starts moto server on a free loopback port
 * @param processorJar    the processor's deployment jar
 * @param workDirectory   where logs and runtime files go
 * @param replication     the replication delay and ordering
 * @param seed            seeds the replication jitter and fault injection, so runs can be repeated
 * @param instrumentation what a proving run adds (fault-injecting code, invoker wrappers); none by default
 */
public record LocalOptions(
        Topology topology,
        String platformYaml,
        String environment,
        Optional<URI> endpoint,
        Path processorJar,
        Path workDirectory,
        ReplicationSettings replication,
        long seed,
        Instrumentation instrumentation) {

    public static final String DEFAULT_PROCESSOR_JAR = "regional-processor/target/distributary-processor.jar";

    public LocalOptions {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(platformYaml, "platformYaml");
        ResourceNames.of(topology, environment);
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(processorJar, "processorJar");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(instrumentation, "instrumentation");
    }

    /** The stacks' default environment, the default replication delay, a new moto server, nothing instrumented. */
    public static LocalOptions defaults(Topology topology, String platformYaml, Path processorJar, Path workDirectory) {
        return new LocalOptions(
                topology,
                platformYaml,
                ResourceNames.DEFAULT_ENVIRONMENT,
                Optional.empty(),
                processorJar,
                workDirectory,
                ReplicationSettings.defaults(),
                42,
                Instrumentation.none());
    }

    public LocalOptions withEndpoint(URI uri) {
        return new LocalOptions(
                topology,
                platformYaml,
                environment,
                Optional.of(uri),
                processorJar,
                workDirectory,
                replication,
                seed,
                instrumentation);
    }

    public LocalOptions withEndpoint(Optional<URI> uri) {
        return new LocalOptions(
                topology,
                platformYaml,
                environment,
                uri,
                processorJar,
                workDirectory,
                replication,
                seed,
                instrumentation);
    }

    public LocalOptions withReplication(ReplicationSettings settings) {
        return new LocalOptions(
                topology,
                platformYaml,
                environment,
                endpoint,
                processorJar,
                workDirectory,
                settings,
                seed,
                instrumentation);
    }

    public LocalOptions withSeed(long newSeed) {
        return new LocalOptions(
                topology,
                platformYaml,
                environment,
                endpoint,
                processorJar,
                workDirectory,
                replication,
                newSeed,
                instrumentation);
    }

    public LocalOptions withInstrumentation(Instrumentation added) {
        return new LocalOptions(
                topology, platformYaml, environment, endpoint, processorJar, workDirectory, replication, seed, added);
    }

    /** The same run for another platform (a variant of this one with other processor settings, say). */
    public LocalOptions withPlatform(Topology newTopology, String newYaml) {
        return new LocalOptions(
                newTopology,
                newYaml,
                environment,
                endpoint,
                processorJar,
                workDirectory,
                replication,
                seed,
                instrumentation);
    }

    /** The same run with another environment's resource names. */
    public LocalOptions withEnvironment(String name) {
        return new LocalOptions(
                topology,
                platformYaml,
                name,
                endpoint,
                processorJar,
                workDirectory,
                replication,
                seed,
                instrumentation);
    }

    /** The resource names of this run's environment. */
    public ResourceNames names() {
        return ResourceNames.of(topology, environment);
    }

    public LocalOptions withWorkDirectory(Path directory) {
        return new LocalOptions(
                topology,
                platformYaml,
                environment,
                endpoint,
                processorJar,
                directory,
                replication,
                seed,
                instrumentation);
    }
}
