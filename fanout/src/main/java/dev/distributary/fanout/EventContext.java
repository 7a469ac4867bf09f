package dev.distributary.fanout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the stream processor knows about a change beyond the stream record itself: its
 * classification. The envelope is built from a {@code ChangeRecord} plus this.
 *
 * @param op           insert, modify, remove or tombstone
 * @param originRegion the region the change was written in
 * @param originKind   local (written in the region whose stream carried it) or replica
 * @param dataClass    the item's data class (the {@code residency} attribute)
 * @param writeTime    the write time from the origin stamp; when empty, {@link EnvelopeFactory}
 *                     reads the table's write-time attribute from the new image (never for a
 *                     hard remove, whose old image names the previous write), and otherwise
 *                     uses the record's approximate creation time
 * @param entityType   the item's entity type; when empty, read from the table's
 *                     {@code entityTypeAttribute} in the item (new image, old for removes)
 */
public record EventContext(
        Op op,
        String originRegion,
        OriginKind originKind,
        String dataClass,
        Optional<Instant> writeTime,
        Optional<String> entityType) {

    public EventContext {
        Objects.requireNonNull(op, "op");
        requireText(originRegion, "originRegion");
        Objects.requireNonNull(originKind, "originKind");
        requireText(dataClass, "dataClass");
        Objects.requireNonNull(writeTime, "writeTime");
        Objects.requireNonNull(entityType, "entityType");
        entityType = entityType.filter(type -> !type.isEmpty());
    }

    /** A context whose write time and entity type are read from the record. */
    public static EventContext of(Op op, String originRegion, OriginKind originKind, String dataClass) {
        return new EventContext(op, originRegion, originKind, dataClass, Optional.empty(), Optional.empty());
    }

    public EventContext withWriteTime(Instant time) {
        return new EventContext(op, originRegion, originKind, dataClass, Optional.of(time), entityType);
    }

    public EventContext withEntityType(String type) {
        return new EventContext(op, originRegion, originKind, dataClass, writeTime, Optional.ofNullable(type));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
