package dev.distributary.infra;

import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyException;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one region's stack is declared from: the region, the platform (and its YAML text,
 * which the processor receives in its environment), the environment name and the processor's jar.
 *
 * @param region        the stack's region ({@code aws:region})
 * @param platformFile  the platform file as the user named it (for messages)
 * @param topology      the platform
 * @param platformYaml  the platform file's text
 * @param environment   the environment name; it suffixes the platform name in every resource name
 * @param processorJar  the regional processor's deployment jar (read by {@code pulumi up}, never by the program)
 * @param alarmTopicArn where alarms notify, if anywhere
 * @param httpClient    the processor's HTTP client ({@link ProcessorEnvironment#HTTP_CLIENTS}); empty for its default
 */
public record StackSettings(
        String region,
        String platformFile,
        Topology topology,
        String platformYaml,
        String environment,
        String processorJar,
        Optional<String> alarmTopicArn,
        Optional<String> httpClient) {

    public static final String DEFAULT_ENVIRONMENT = ResourceNames.DEFAULT_ENVIRONMENT;
    public static final String DEFAULT_PROCESSOR_JAR = "regional-processor/target/distributary-processor.jar";

    public StackSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(platformFile, "platformFile");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(platformYaml, "platformYaml");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(processorJar, "processorJar");
        Objects.requireNonNull(alarmTopicArn, "alarmTopicArn");
        Objects.requireNonNull(httpClient, "httpClient");
        httpClient
                .filter(client -> !ProcessorEnvironment.HTTP_CLIENTS.contains(client))
                .ifPresent(client -> {
                    throw new InfraConfigException(
                            "distributary:" + StackConfig.PROCESSOR_HTTP_CLIENT + " is '" + client + "'; allowed: "
                                    + String.join(", ", ProcessorEnvironment.HTTP_CLIENTS) + " (crt needs distributary:"
                                    + StackConfig.PROCESSOR_JAR
                                    + " to name the jar built with -Pcrt-client)");
                });
        if (!topology.regions().contains(region)) {
            throw new InfraConfigException("region '" + region + "' is not one of platform '" + topology.name()
                    + "''s regions " + topology.regions()
                    + "; set aws:region to one of them (pulumi config set aws:region REGION)");
        }
        if (processorJar.isBlank()) {
            throw new InfraConfigException(
                    "the processor jar path is empty; set distributary:processorJar or leave it unset for "
                            + DEFAULT_PROCESSOR_JAR);
        }
        try {
            ResourceNames.of(topology, environment);
        } catch (IllegalArgumentException e) {
            throw new InfraConfigException(e.getMessage() + "; set distributary:environment to a valid name");
        }
    }

    /**
     * Reads and validates the platform file.
     *
     * @throws TopologyException    when the file is missing or invalid (every problem, with its path)
     * @throws InfraConfigException when the region or environment does not fit the platform
     */
    public static StackSettings load(
            String region, Path platformFile, String environment, String processorJar, Optional<String> alarmTopicArn) {
        Topology topology = TopologyLoader.load(platformFile);
        return new StackSettings(
                region,
                platformFile.toString(),
                topology,
                read(platformFile),
                environment,
                processorJar,
                alarmTopicArn,
                Optional.empty());
    }

    /** The same stack with the processor on another HTTP client. */
    public StackSettings withHttpClient(Optional<String> client) {
        return new StackSettings(
                region, platformFile, topology, platformYaml, environment, processorJar, alarmTopicArn, client);
    }

    /** The resource names of this stack's environment. */
    public ResourceNames names() {
        return ResourceNames.of(topology, environment);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InfraConfigException("cannot read the platform file " + file + ": " + e.getMessage());
        }
    }
}
