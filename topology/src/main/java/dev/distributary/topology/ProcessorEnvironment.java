package dev.distributary.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The contract between whoever deploys the regional processor (the Pulumi program, the local
 * run) and the processor itself: its handler, the names of its environment variables and how
 * their values are written. The processor reads them once, at start; Lambda sets {@link #REGION}
 * and {@link #FUNCTION_NAME}.
 */
public final class ProcessorEnvironment {
    /**
     * The function's handler, as infra deploys it and the local run starts it (regional-processor's
     * {@code HandlerNameTest} holds it to the handler class).
     */
    public static final String HANDLER = "dev.distributary.processor.RegionalProcessorHandler::handleRequest";
    /** Set by Lambda: the function's region. */
    public static final String REGION = "AWS_REGION";
    /** Set by Lambda: the function's name, which prefixes the ledger's keys. */
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /** Powertools' log level (default INFO). */
    public static final String LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";
    /** The platform, inline ({@link #compactPlatform}); {@link #GZIP_BASE64} values are compressed (Lambda's environment holds 4 KB in all). */
    public static final String PLATFORM = "DISTRIBUTARY_PLATFORM";
    /** Or: a path to the platform file. */
    public static final String PLATFORM_FILE = "DISTRIBUTARY_PLATFORM_FILE";
    /** Topic ARN per region: {@code region=arn,region=arn}. This region's only, except in primary-region mode. */
    public static final String TOPICS = "DISTRIBUTARY_TOPICS";
    /** Where permanent failures go, with the full record and the reason. */
    public static final String QUARANTINE_QUEUE_URL = "DISTRIBUTARY_QUARANTINE_QUEUE_URL";
    /** The regional idempotency table. */
    public static final String IDEMPOTENCY_TABLE = "DISTRIBUTARY_IDEMPOTENCY_TABLE";
    /** {@code true} lets item images be logged at DEBUG; by default they never are (they may hold personal data). */
    public static final String LOG_IMAGES = "DISTRIBUTARY_LOG_IMAGES";
    /** Powertools' service name for logs, traces and metrics. */
    public static final String SERVICE_NAME = "POWERTOOLS_SERVICE_NAME";

    /** The JVM's own variable: options it reads at start, before the command line's (Lambda passes the function's). */
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /**
     * The processor's JVM options, as AWS recommends for a Java function's start-up: tiered compilation
     * stopped at level 1 (the C1 compiler only, no profiling for C2). The stacks and the local run set
     * them alike; the local host adds only its class-data-sharing archive (local-cloud's
     * {@code ClassDataArchives}).
     */
    public static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    public static final String GZIP_BASE64 = "gzip+base64:";
    /**
     * The HTTP client of the processor's AWS clients: {@code url-connection} (the default, in every
     * deployment jar) or {@code crt} (only in the jar built with {@code -Pcrt-client}). Optional.
     */
    public static final String HTTP_CLIENT = "DISTRIBUTARY_HTTP_CLIENT";
    /** The values {@link #HTTP_CLIENT} takes. */
    public static final java.util.List<String> HTTP_CLIENTS = java.util.List.of("url-connection", "crt");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessorEnvironment() {}

    /**
     * The variables for one region's processor. Lambda allows 4 KB for all of them together
     * ({@link LambdaRules#requireEnvironment}), so the platform travels compactly: as JSON without
     * the file's comments and layout, gzip-compressed when that is shorter.
     */
    public static Map<String, String> of(
            String platformYaml, Map<String, String> topicArns, String quarantineQueueUrl, String idempotencyTable) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(PLATFORM, compactPlatform(platformYaml));
        env.put(TOPICS, formatTopics(topicArns));
        env.put(QUARANTINE_QUEUE_URL, quarantineQueueUrl);
        env.put(IDEMPOTENCY_TABLE, idempotencyTable);
        env.put(SERVICE_NAME, "distributary-processor");
        env.put(JAVA_TOOL_OPTIONS, JVM_OPTIONS);
        return env;
    }

    public static String formatTopics(Map<String, String> topicArns) {
        StringBuilder value = new StringBuilder();
        topicArns.forEach((region, arn) -> value.append(value.length() == 0 ? "" : ",")
                .append(region)
                .append('=')
                .append(arn));
        return value.toString();
    }

    /** Parses {@link #TOPICS}; {@link IllegalArgumentException} names an entry that is not {@code region=arn}. */
    public static Map<String, String> parseTopics(String value) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String pair : value.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 1 || equals == pair.length() - 1) {
                throw new IllegalArgumentException(TOPICS + " entry '" + pair + "' is not region=topic-arn");
            }
            topics.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
        return topics;
    }

    /**
     * The platform as the processor's environment carries it: the file's content as compact JSON (which
     * the platform loader reads, JSON being YAML), without comments, and gzip+base64 when that is
     * shorter. The processor reads it with {@link #decodePlatform}.
     *
     * @throws IllegalArgumentException when the text is not YAML
     */
    public static String compactPlatform(String yaml) {
        String json;
        try {
            json = JSON.writeValueAsString(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalArgumentException("the platform file is not YAML: " + e.getMessage(), e);
        }
        String compressed = encodePlatform(json);
        return compressed.length() < json.length() ? compressed : json;
    }

    /** The platform YAML compressed for the environment. */
    public static String encodePlatform(String yaml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GZIP_BASE64 + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The platform YAML from {@link #PLATFORM}, compressed or not; {@link IllegalArgumentException} when it cannot be decoded. */
    public static String decodePlatform(String value) {
        if (!value.startsWith(GZIP_BASE64)) {
            return value;
        }
        try (GZIPInputStream in = new GZIPInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(value.substring(GZIP_BASE64.length()))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    PLATFORM + " is not valid " + GZIP_BASE64 + " text: " + e.getMessage(), e);
        }
    }
}
