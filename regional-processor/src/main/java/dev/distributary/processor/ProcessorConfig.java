package dev.distributary.processor;

import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyException;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The processor's configuration, read once from the function's environment.
 *
 * @param region             the region the function runs in ({@code AWS_REGION})
 * @param functionName       the function's name ({@code AWS_LAMBDA_FUNCTION_NAME}), which prefixes idempotency keys
 * @param topology           the platform ({@code DISTRIBUTARY_PLATFORM} or {@code DISTRIBUTARY_PLATFORM_FILE})
 * @param topics             region to topic ARN ({@code DISTRIBUTARY_TOPICS}); this region's only, except in primary-region mode
 * @param quarantineQueueUrl where permanent failures go ({@code DISTRIBUTARY_QUARANTINE_QUEUE_URL})
 * @param idempotencyTable   the regional idempotency table ({@code DISTRIBUTARY_IDEMPOTENCY_TABLE})
 * @param logImages          whether item images may be logged at DEBUG ({@code DISTRIBUTARY_LOG_IMAGES}, default false)
 * @param httpClient         the AWS clients' HTTP client ({@value ProcessorEnvironment#HTTP_CLIENT}: {@code url-connection}, the default, or {@code crt})
 */
public record ProcessorConfig(
        String region,
        String functionName,
        Topology topology,
        Map<String, String> topics,
        String quarantineQueueUrl,
        String idempotencyTable,
        boolean logImages,
        HttpClientKind httpClient) {

    public ProcessorConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(topology, "topology");
        topics = Map.copyOf(topics);
        Objects.requireNonNull(quarantineQueueUrl, "quarantineQueueUrl");
        Objects.requireNonNull(idempotencyTable, "idempotencyTable");
        Objects.requireNonNull(httpClient, "httpClient");
        if (!topology.processingRegions().contains(region)) {
            throw new ProcessorConfigException("no processor runs in " + region + " for platform '" + topology.name()
                    + "': it processes in " + topology.processingRegions() + " ("
                    + topology.routing().mode().yamlName() + ")");
        }
        List<String> needed =
                topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        Map<String, String> known = topics;
        List<String> missing =
                needed.stream().filter(r -> !known.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw new ProcessorConfigException(ProcessorEnvironment.TOPICS + " has no topic ARN for " + missing
                    + "; give region=arn pairs separated by commas");
        }
    }

    /** The configuration with the default HTTP client (URL connection). */
    public ProcessorConfig(
            String region,
            String functionName,
            Topology topology,
            Map<String, String> topics,
            String quarantineQueueUrl,
            String idempotencyTable,
            boolean logImages) {
        this(
                region,
                functionName,
                topology,
                topics,
                quarantineQueueUrl,
                idempotencyTable,
                logImages,
                HttpClientKind.URL_CONNECTION);
    }

    /** Reads the configuration; every problem is reported at once in a {@link ProcessorConfigException}. */
    public static ProcessorConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String region = required(env, ProcessorEnvironment.REGION, problems);
        String function = required(env, ProcessorEnvironment.FUNCTION_NAME, problems);
        String quarantine = required(env, ProcessorEnvironment.QUARANTINE_QUEUE_URL, problems);
        String idempotency = required(env, ProcessorEnvironment.IDEMPOTENCY_TABLE, problems);
        Map<String, String> topics = topics(required(env, ProcessorEnvironment.TOPICS, problems), problems);
        Topology topology = platform(env, problems);
        HttpClientKind httpClient = httpClient(env.get(ProcessorEnvironment.HTTP_CLIENT), problems);
        if (!problems.isEmpty()) {
            throw new ProcessorConfigException(
                    "the processor's environment is incomplete: " + String.join("; ", problems));
        }
        return new ProcessorConfig(
                region,
                function,
                topology,
                topics,
                quarantine,
                idempotency,
                Boolean.parseBoolean(env.getOrDefault(ProcessorEnvironment.LOG_IMAGES, "false")),
                httpClient);
    }

    private static HttpClientKind httpClient(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return HttpClientKind.URL_CONNECTION;
        }
        try {
            return HttpClientKind.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return HttpClientKind.URL_CONNECTION;
        }
    }

    private static Map<String, String> topics(String value, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        try {
            return ProcessorEnvironment.parseTopics(value);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Map.of();
        }
    }

    private static Topology platform(Map<String, String> env, List<String> problems) {
        String inline = env.get(ProcessorEnvironment.PLATFORM);
        String file = env.get(ProcessorEnvironment.PLATFORM_FILE);
        try {
            if (inline != null && !inline.isBlank()) {
                return TopologyLoader.parse(ProcessorEnvironment.decodePlatform(inline), ProcessorEnvironment.PLATFORM);
            }
            if (file != null && !file.isBlank()) {
                return TopologyLoader.load(Path.of(file));
            }
            problems.add("set " + ProcessorEnvironment.PLATFORM + " (the platform YAML, optionally "
                    + ProcessorEnvironment.GZIP_BASE64 + "...) or " + ProcessorEnvironment.PLATFORM_FILE);
        } catch (TopologyException e) {
            problems.add("the platform is not valid: " + e.getMessage().replace(System.lineSeparator(), "; "));
        } catch (IllegalArgumentException e) {
            problems.add(ProcessorEnvironment.PLATFORM + " cannot be decoded: " + e.getMessage());
        }
        return null;
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
            return null;
        }
        return value;
    }
}
