package dev.distributary.replication.writer.internal;

import dev.distributary.topology.OriginStamp;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;

/** Adds one write's origin stamp (region, epoch milliseconds) to items and update expressions. */
public final class Stamper {
    private final AttributeValue region;
    private final AttributeValue writeTime;

    public Stamper(String region, long writeTimeMillis) {
        this.region = AttributeValue.fromS(region);
        this.writeTime = AttributeValue.fromN(Long.toString(writeTimeMillis));
    }

    /** The item with the stamp set, replacing any stamp it carried (a put writes a new version). */
    public Map<String, AttributeValue> item(OriginStamp stamp, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stamped = new HashMap<>(item);
        stamped.put(stamp.originAttribute(), region);
        stamped.put(stamp.writeTimeAttribute(), writeTime);
        return stamped;
    }

    /** Whether an update expression already sets the stamp (the tombstone writer's, or the application's own). */
    public static boolean alreadyStamped(OriginStamp stamp, String expression, Map<String, String> names) {
        return names.containsKey(Placeholders.ORIGIN_NAME)
                || UpdateExpressions.names(expression, names, stamp.originAttribute());
    }

    public String expression(String expression) {
        return UpdateExpressions.addSet(expression, Placeholders.STAMP_ASSIGNMENTS);
    }

    public Map<String, String> names(OriginStamp stamp, Map<String, String> names) {
        Map<String, String> merged = new HashMap<>(names);
        merged.put(Placeholders.ORIGIN_NAME, stamp.originAttribute());
        merged.put(Placeholders.WRITE_TIME_NAME, stamp.writeTimeAttribute());
        return merged;
    }

    public Map<String, AttributeValue> values(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> merged = new HashMap<>(values);
        merged.put(Placeholders.ORIGIN_VALUE, region);
        merged.put(Placeholders.WRITE_TIME_VALUE, writeTime);
        return merged;
    }

    /** A legacy {@code AttributeUpdates} update with the stamp put. */
    public Map<String, AttributeValueUpdate> attributeUpdates(
            OriginStamp stamp, Map<String, AttributeValueUpdate> updates) {
        Map<String, AttributeValueUpdate> merged = new HashMap<>(updates);
        merged.put(
                stamp.originAttribute(),
                AttributeValueUpdate.builder()
                        .action(AttributeAction.PUT)
                        .value(region)
                        .build());
        merged.put(
                stamp.writeTimeAttribute(),
                AttributeValueUpdate.builder()
                        .action(AttributeAction.PUT)
                        .value(writeTime)
                        .build());
        return merged;
    }
}
