package dev.distributary.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.processor.internal.aws.LambdaRecords;
import dev.distributary.replication.Classification;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One batch of {@link StreamEvents#BATCH} records at every stage of the pipeline, built once in a
 * benchmark's set-up: the raw event JSON, the runtime's {@link DynamodbEvent}, the processor's
 * record JSON, the change records and their classifications in the processing region.
 */
@SuppressWarnings("ArrayRecordComponent") // a benchmark's input, read as it is and never compared
record Batch(
        Topology topology,
        byte[] rawJson,
        DynamodbEvent event,
        List<ObjectNode> lambdaRecords,
        List<ChangeRecord> changes,
        List<Classification> classifications) {

    static Batch of(String itemSize) {
        Topology topology = StreamEvents.topology();
        byte[] raw = StreamEvents.eventJson(StreamEvents.itemBytes(itemSize), StreamEvents.BATCH)
                .getBytes(StandardCharsets.UTF_8);
        DynamodbEvent event = StreamEvents.deserialize(raw);
        List<ObjectNode> records =
                event.getRecords().stream().map(LambdaRecords::toJson).toList();
        List<ChangeRecord> changes =
                records.stream().map(StreamRecordJson::read).toList();
        OriginClassifier classifier = OriginClassifier.of(topology, StreamEvents.REGION);
        List<Classification> classifications =
                changes.stream().map(classifier::classify).toList();
        long local = classifications.stream().filter(Classification::isLocal).count();
        if (local != StreamEvents.BATCH / 2) {
            throw new IllegalStateException(
                    "half the batch should be local writes, not " + local + ": " + classifications.get(1));
        }
        return new Batch(topology, raw, event, records, changes, classifications);
    }
}
