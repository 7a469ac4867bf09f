package dev.distributary.processor.internal.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.processor.StreamShard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB stream event as Lambda sends it, read as JSON rather than through the runtime's typed
 * serializer (which would load a second Jackson and a reflective model of the event at every cold
 * start, only for the records to be turned back into JSON): its records exactly as delivered, the
 * stream's own JSON with everything present kept, so that a malformed record is quarantined whole
 * and the change-model codec names what is wrong with it; and the batch's shard when the event names
 * it (a mapping with a tumbling window). The answer is what {@code ReportBatchItemFailures} with a
 * tumbling window expects: {@code {"state":{},"batchItemFailures":[{"itemIdentifier":"SEQUENCE"}]}}
 * (Lambda counts an answer without {@code state} as a failed invocation; the processor keeps no
 * window state).
 */
public final class LambdaEventJson {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private LambdaEventJson() {}

    /** One invocation's batch: its shard, when the event names it, and its records in shard order. */
    public record Batch(Optional<StreamShard> shard, List<JsonNode> records) {
        public Batch {
            records = List.copyOf(records);
        }
    }

    /**
     * Reads an event; a record is passed on whatever it holds (the pipeline judges it).
     *
     * @throws IOException when the payload is not a JSON object (Lambda never sends one): the
     *     invocation fails, and the event source mapping retries it
     */
    public static Batch read(InputStream payload) throws IOException {
        JsonNode event = JSON.readTree(payload);
        if (event == null || !event.isObject()) {
            throw new IOException("the invocation's payload is not a JSON object: "
                    + (event == null ? "empty" : event.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<JsonNode> records = new ArrayList<>();
        event.path("Records").forEach(records::add);
        return new Batch(shard(event, records), records);
    }

    /** Writes the answer: no batch item failure, or the first sequence number to retry from. */
    public static void answer(OutputStream out, Optional<String> retryFrom) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("state");
        var failures = answer.putArray("batchItemFailures");
        retryFrom.ifPresent(sequence -> failures.addObject().put("itemIdentifier", sequence));
        JSON.writeValue(out, answer);
    }

    /** The shard ID and stream ARN of an event with a tumbling window, the ARN from the event or else its first record. */
    private static Optional<StreamShard> shard(JsonNode event, List<JsonNode> records) {
        String shardId = text(event.get("shardId"));
        String streamArn = text(event.get("eventSourceARN"));
        if (streamArn.isBlank() && !records.isEmpty()) {
            streamArn = text(records.get(0).get("eventSourceARN"));
        }
        if (shardId.isBlank() || streamArn.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StreamShard(streamArn, shardId));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }
}
