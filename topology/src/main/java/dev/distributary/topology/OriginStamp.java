package dev.distributary.topology;

/**
 * The attributes the origin-stamping writer puts on every item of a table.
 *
 * @param originAttribute      the region that wrote the item (S)
 * @param writeTimeAttribute   the write time in epoch milliseconds (N)
 * @param deletedAttribute     set to true by a tombstone delete (BOOL)
 * @param ttlAttribute         the table's TTL attribute, set by a tombstone delete (N, epoch seconds)
 * @param tombstoneTtlSeconds  how long a tombstone stays before TTL removes it
 */
public record OriginStamp(
        String originAttribute,
        String writeTimeAttribute,
        String deletedAttribute,
        String ttlAttribute,
        int tombstoneTtlSeconds) {

    public static final String DEFAULT_ORIGIN = "_origin";
    public static final String DEFAULT_WRITE_TIME = "_writtenAt";
    public static final String DEFAULT_DELETED = "_deleted";
    public static final String DEFAULT_TTL = "_expiresAt";
    public static final int DEFAULT_TOMBSTONE_TTL_SECONDS = 86_400;
    /** At least a day, so every replica has seen a tombstone before it expires; at most a year. */
    public static final IntRange TOMBSTONE_TTL = IntRange.of(3_600, 31_536_000);

    public static OriginStamp defaults() {
        return new OriginStamp(
                DEFAULT_ORIGIN, DEFAULT_WRITE_TIME, DEFAULT_DELETED, DEFAULT_TTL, DEFAULT_TOMBSTONE_TTL_SECONDS);
    }

    public OriginStamp {
        Names.requireAttributeName(originAttribute, "origin attribute");
        Names.requireAttributeName(writeTimeAttribute, "write-time attribute");
        Names.requireAttributeName(deletedAttribute, "deleted attribute");
        Names.requireAttributeName(ttlAttribute, "TTL attribute");
        TOMBSTONE_TTL.require("tombstoneTtlSeconds", tombstoneTtlSeconds);
        if (java.util.Set.of(originAttribute, writeTimeAttribute, deletedAttribute, ttlAttribute)
                        .size()
                != 4) {
            throw new IllegalArgumentException("the four stamp attributes must have distinct names");
        }
    }
}
