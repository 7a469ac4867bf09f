package dev.distributary.fanout;

import dev.distributary.fanout.internal.SnsSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change ready to publish: the CloudEvents JSON and the SNS message attributes, with the
 * FIFO identifiers a FIFO topic needs. Built by {@link EnvelopeFactory}; it always fits in one
 * SNS message.
 *
 * @param eventId           the stream record's event ID
 * @param table             the table that changed
 * @param json              the envelope: CloudEvents 1.0 structured JSON, compact
 * @param messageAttributes the String message attributes filter policies match ({@link MessageAttributes})
 * @param messageGroupId    for FIFO topics: one group per item, so each item's changes stay in order
 * @param deduplicationId   for FIFO topics: the event ID, so a republished change is dropped
 * @param truncated         whether the images were left out to fit SNS's 256 KB
 */
public record Envelope(
        String eventId,
        String table,
        String json,
        Map<String, String> messageAttributes,
        String messageGroupId,
        String deduplicationId,
        boolean truncated) {

    /** SNS's limit for one message, attributes included. */
    public static final int MAX_SNS_BYTES = SnsSize.MAX_BYTES;

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(json, "json");
        messageAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(messageAttributes));
        Objects.requireNonNull(messageGroupId, "messageGroupId");
        Objects.requireNonNull(deduplicationId, "deduplicationId");
    }

    /** The size SNS counts: body plus attribute names, types and values. */
    public long snsSizeBytes() {
        return SnsSize.of(json, messageAttributes);
    }
}
