package dev.distributary.processor;

import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyException;
import dev.distributary.topology.TopologyLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

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
 */
public record ProcessorConfig(
        String region,
        String functionName,
        Topology topology,
        Map<String, String> topics,
        String quarantineQueueUrl,
        String idempotencyTable,
        boolean logImages) {

    public static final String PLATFORM = "DISTRIBUTARY_PLATFORM";
    public static final String PLATFORM_FILE = "DISTRIBUTARY_PLATFORM_FILE";
    public static final String TOPICS = "DISTRIBUTARY_TOPICS";
    public static final String QUARANTINE_QUEUE_URL = "DISTRIBUTARY_QUARANTINE_QUEUE_URL";
    public static final String IDEMPOTENCY_TABLE = "DISTRIBUTARY_IDEMPOTENCY_TABLE";
    public static final String LOG_IMAGES = "DISTRIBUTARY_LOG_IMAGES";
    /** Prefix of a platform given inline as gzip, then base64 (Lambda's environment holds 4 KB in all). */
    public static final String GZIP_BASE64 = "gzip+base64:";

    public ProcessorConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(topology, "topology");
        topics = Map.copyOf(topics);
        Objects.requireNonNull(quarantineQueueUrl, "quarantineQueueUrl");
        Objects.requireNonNull(idempotencyTable, "idempotencyTable");
        if (!topology.processingRegions().contains(region)) {
            throw new ProcessorConfigException("no processor runs in " + region + " for platform '" + topology.name() + "': it processes in "
                    + topology.processingRegions() + " (" + topology.routing().mode().yamlName() + ")");
        }
        List<String> needed = topology.routing().mode() == RoutingMode.PRIMARY_REGION ? topology.regions() : List.of(region);
        Map<String, String> known = topics;
        List<String> missing = needed.stream().filter(r -> !known.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            throw new ProcessorConfigException(TOPICS + " has no topic ARN for " + missing + "; give region=arn pairs separated by commas");
        }
    }

    /** Reads the configuration; every problem is reported at once in a {@link ProcessorConfigException}. */
    public static ProcessorConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String region = required(env, "AWS_REGION", problems);
        String function = required(env, "AWS_LAMBDA_FUNCTION_NAME", problems);
        String quarantine = required(env, QUARANTINE_QUEUE_URL, problems);
        String idempotency = required(env, IDEMPOTENCY_TABLE, problems);
        Map<String, String> topics = topics(required(env, TOPICS, problems), problems);
        Topology topology = platform(env, problems);
        if (!problems.isEmpty()) {
            throw new ProcessorConfigException("the processor's environment is incomplete: " + String.join("; ", problems));
        }
        return new ProcessorConfig(region, function, topology, topics, quarantine, idempotency,
                Boolean.parseBoolean(env.getOrDefault(LOG_IMAGES, "false")));
    }

    /** The topic ARNs as the {@code DISTRIBUTARY_TOPICS} value: {@code region=arn,region=arn}. */
    public static String formatTopics(Map<String, String> topics) {
        StringBuilder value = new StringBuilder();
        topics.forEach((region, arn) -> value.append(value.length() == 0 ? "" : ",").append(region).append('=').append(arn));
        return value.toString();
    }

    private static Map<String, String> topics(String value, List<String> problems) {
        Map<String, String> topics = new LinkedHashMap<>();
        if (value == null) {
            return topics;
        }
        for (String pair : value.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 1 || equals == pair.length() - 1) {
                problems.add(TOPICS + " entry '" + pair + "' is not region=topic-arn");
            } else {
                topics.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return topics;
    }

    private static Topology platform(Map<String, String> env, List<String> problems) {
        String inline = env.get(PLATFORM);
        String file = env.get(PLATFORM_FILE);
        try {
            if (inline != null && !inline.isBlank()) {
                return TopologyLoader.parse(decode(inline), PLATFORM);
            }
            if (file != null && !file.isBlank()) {
                return TopologyLoader.load(Path.of(file));
            }
            problems.add("set " + PLATFORM + " (the platform YAML, optionally " + GZIP_BASE64 + "...) or " + PLATFORM_FILE);
        } catch (TopologyException e) {
            problems.add("the platform is not valid: " + e.getMessage().replace(System.lineSeparator(), "; "));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(PLATFORM + " cannot be decoded: " + e.getMessage());
        }
        return null;
    }

    /** The platform YAML as given inline, uncompressing a {@code gzip+base64:} value. */
    static String decode(String inline) throws IOException {
        if (!inline.startsWith(GZIP_BASE64)) {
            return inline;
        }
        byte[] compressed = Base64.getDecoder().decode(inline.substring(GZIP_BASE64.length()));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
