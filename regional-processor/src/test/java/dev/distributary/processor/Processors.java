package dev.distributary.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.processor.internal.aws.LambdaEventJson;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared test set-up: the shipped platform, topic ARNs and raw AWS events. */
final class Processors {
    static final Topology SHIPPED = TopologyLoader.load(Path.of("..", "platform.yaml"));
    static final Topology PRIMARY = TopologyLoader.load(Path.of("..", "examples", "primary-region.yaml"));

    /** The shard test batches come from (the per-record ledger does not read it; the checkpoint ledger keys by it). */
    static final Optional<StreamShard> SHARD = Optional.of(new StreamShard(
            "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000",
            "shardId-00000001-test"));

    private Processors() {}

    /**
     * Points clients built as in Lambda ({@link ProcessorClients}, from the SDK's system properties)
     * at a moto endpoint with test credentials; {@link #unpointTheSdk} undoes it.
     */
    static void pointTheSdkAt(URI endpoint) {
        System.setProperty("aws.endpointUrl", endpoint.toString());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    static void unpointTheSdk() {
        List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey").forEach(System::clearProperty);
    }

    static String topicArn(String region) {
        return "arn:aws:sns:" + region + ":123456789012:shop-events";
    }

    static Map<String, String> topics(Topology topology, String... regions) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String region : regions) {
            topics.put(region, topicArn(region));
        }
        return topics;
    }

    static ProcessorConfig config(Topology topology, String region, String... topicRegions) {
        return new ProcessorConfig(
                region,
                "shop-processor",
                topology,
                topics(topology, topicRegions.length == 0 ? new String[] {region} : topicRegions),
                "https://sqs." + region + ".amazonaws.com/123456789012/shop-quarantine",
                "shop-idempotency",
                false);
    }

    /** A raw AWS event from src/test/resources/events, its records as the handler reads them and passes them on. */
    static List<ObjectNode> event(String name) {
        try (InputStream in = Processors.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return LambdaEventJson.read(in).records().stream()
                    .map(ObjectNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
