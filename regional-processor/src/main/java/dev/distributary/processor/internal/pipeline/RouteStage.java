package dev.distributary.processor.internal.pipeline;

import dev.distributary.change.MalformedRecordException;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.replication.OriginClassifier;

/** Decodes a record, classifies its origin and routes it: publish, skip or quarantine. */
final class RouteStage {
    private final OriginClassifier classifier;
    private final Router router;

    RouteStage(OriginClassifier classifier, Router router) {
        this.classifier = classifier;
        this.router = router;
    }

    void route(RecordState record) {
        if (!record.raw.isObject()) {
            record.route = router.unreadable(
                    record.raw, "malformed: a stream record must be a JSON object, not " + record.raw.getNodeType());
            return;
        }
        if (record.sequence.isEmpty()) {
            record.route = router.unreadable(
                    record.raw,
                    "malformed: dynamodb.SequenceNumber is missing, so no failure could be reported for it");
            return;
        }
        try {
            record.change = StreamRecordJson.read(record.raw);
        } catch (MalformedRecordException e) {
            record.route = router.unreadable(record.raw, "malformed: " + e.getMessage());
            return;
        }
        record.classification = classifier.classify(record.change);
        record.route = router.route(record.change, record.classification);
    }
}
