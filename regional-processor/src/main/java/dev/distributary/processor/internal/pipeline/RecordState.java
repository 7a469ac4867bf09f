package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.processor.RecordOutcome;
import dev.distributary.processor.idempotency.RecordRef;
import dev.distributary.processor.idempotency.SequenceNumbers;
import dev.distributary.replication.Classification;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** One record's way through a batch: its identity, what the stages decided, and how it ended. */
final class RecordState {
    final int index;
    final JsonNode raw;
    final String eventId;
    final String sequence;
    /** The record in the ledger; null for a record nothing identifies (quarantined without the ledger). */
    final RecordRef ref;
    /** Names the record in this run's quarantine call. */
    final String entryId;

    /**
     * The table of a record that could be decoded (null for one that could not). The decoded record
     * itself is not kept: its images are all of a large item, and the envelope holds what is published.
     */
    String table;

    Classification classification;
    Route route;
    /** The ledger let this invocation handle it. */
    boolean admitted;
    /** When another invocation's claim on it ends, if one holds it. */
    Instant heldUntil;
    /** The regions whose topics have it (from an earlier delivery, or from this one); read-only, see {@link #publishedTo(Collection)}. */
    Set<String> publishedTo = Set.of();

    RecordOutcome outcome;
    String failure;
    Throwable failureCause;

    RecordState(int index, JsonNode raw) {
        this.index = index;
        this.raw = raw;
        this.eventId = text(raw.path("eventID"));
        this.sequence = text(raw.path("dynamodb").path("SequenceNumber"));
        String key = !eventId.isEmpty() && validText(eventId) ? eventId : reportable() ? "sequence:" + sequence : null;
        this.ref = key == null ? null : new RecordRef(key, sequence);
        this.entryId = key != null ? key : "record-" + index;
    }

    /** Adds regions whose topics have it. */
    void publishedTo(Collection<String> regions) {
        regions.forEach(this::publishedTo);
    }

    /** Adds a region whose topic has it (a set of one for the usual record, published to its own region's topic). */
    void publishedTo(String region) {
        if (publishedTo.isEmpty()) {
            publishedTo = Set.of(region);
        } else if (!publishedTo.contains(region)) {
            Set<String> more = new LinkedHashSet<>(publishedTo);
            more.add(region);
            publishedTo = more;
        }
    }

    /** A sequence number Lambda can match against its batch: decimal digits. */
    boolean reportable() {
        return SequenceNumbers.isSequenceNumber(sequence);
    }

    /** Handled: published everywhere it goes, quarantined or skipped. */
    boolean handled() {
        return outcome != null && !(outcome instanceof RecordOutcome.Retry);
    }

    /** A field's text, or empty when it is missing or not a string (a number there must not pass for an ID). */
    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : "";
    }

    /** Text without a lone surrogate, so that it can be a key in the idempotency table. */
    private static boolean validText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
