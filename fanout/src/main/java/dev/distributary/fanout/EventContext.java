package dev.distributary.fanout;

import dev.distributary.change.Operation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the stream processor knows about a change beyond the stream record itself: its
 * classification. The envelope is built from a {@code ChangeRecord} plus this.
 *
 * @param op           insert, modify, remove, tombstone or expire
 * @param originRegion the region the change was written in (for an expiry, whose TTL process removed
 *                     the item); empty when that is unknown, which only a replicated expiry is: the
 *                     envelope then carries no {@code originregion} rather than a guess
 * @param originKind   local (written in the region whose stream carried it) or replica; a local
 *                     change always names its origin region
 * @param dataClass    the item's data class (the {@code residency} attribute)
 * @param writeTime    the write time from the origin stamp; when empty, {@link EnvelopeFactory}
 *                     reads the table's write-time attribute from the new image (never for a
 *                     hard remove or an expiry, whose old image names the previous write), and
 *                     otherwise uses the record's approximate creation time (for an expiry: when
 *                     TTL removed the item)
 * @param entityType   the item's entity type; when empty, read from the table's
 *                     {@code entityTypeAttribute} in the item (new image, old for removes)
 */
@SuppressWarnings("InvalidParam") // {@code originregion} names the envelope's CloudEvents attribute, not the parameter
public record EventContext(
        Operation op,
        Optional<String> originRegion,
        OriginKind originKind,
        String dataClass,
        Optional<Instant> writeTime,
        Optional<String> entityType) {

    public EventContext {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(originRegion, "originRegion");
        originRegion.ifPresent(region -> requireText(region, "originRegion"));
        Objects.requireNonNull(originKind, "originKind");
        if (originKind == OriginKind.LOCAL && originRegion.isEmpty()) {
            throw new IllegalArgumentException(
                    "a local change is written in the region processing it: its originRegion must be given");
        }
        requireText(dataClass, "dataClass");
        Objects.requireNonNull(writeTime, "writeTime");
        Objects.requireNonNull(entityType, "entityType");
        entityType = entityType.filter(type -> !type.isEmpty());
    }

    /** A context whose write time and entity type are read from the record. */
    public static EventContext of(Operation op, String originRegion, OriginKind originKind, String dataClass) {
        requireText(originRegion, "originRegion");
        return of(op, Optional.of(originRegion), originKind, dataClass);
    }

    /** The same, for a change whose origin region may be unknown (a replicated expiry). */
    public static EventContext of(
            Operation op, Optional<String> originRegion, OriginKind originKind, String dataClass) {
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
