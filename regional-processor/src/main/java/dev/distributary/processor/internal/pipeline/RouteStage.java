package dev.distributary.processor.internal.pipeline;

import dev.distributary.change.ChangeRecord;
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
        ChangeRecord change;
        try {
            change = StreamRecordJson.read(record.raw);
        } catch (MalformedRecordException e) {
            record.route = router.unreadable(record.raw, "malformed: " + e.getMessage());
            return;
        }
        record.table = change.table();
        record.classification = classifier.classify(change);
        record.route = router.route(change, record.classification);
    }
}
