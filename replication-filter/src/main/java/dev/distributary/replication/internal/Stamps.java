package dev.distributary.replication.internal;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.Image;
import dev.distributary.replication.Origin;
import dev.distributary.topology.OriginStamp;
import dev.distributary.topology.TableSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads one table's stamp attributes from an item image: the origin stamp (names from the table's
 * {@link OriginStamp}), the tombstone flag, the TTL, and the 2017.11.29 {@code aws:rep:*} attributes.
 * Wrong types throw {@link InvalidStamp}; absence is an answer.
 */
public final class Stamps {
    public static final String LEGACY_PREFIX = "aws:rep:";
    public static final String LEGACY_REGION = "aws:rep:updateregion";
    public static final String LEGACY_TIME = "aws:rep:updatetime";
    public static final String LEGACY_DELETING = "aws:rep:deleting";

    private final String table;
    private final OriginStamp stamp;
    private final List<String> replicaRegions;
    private final Set<String> replicaRegionSet;

    public Stamps(TableSpec table, List<String> replicaRegions) {
        this.table = table.name();
        this.stamp = table.stamp();
        this.replicaRegions = List.copyOf(replicaRegions);
        this.replicaRegionSet = Set.copyOf(replicaRegions);
    }

    public String table() {
        return table;
    }

    public OriginStamp stamp() {
        return stamp;
    }

    public List<String> replicaRegions() {
        return replicaRegions;
    }

    public boolean isReplicatedIn(String region) {
        return replicaRegionSet.contains(region);
    }

    /** The origin stamp of the image, else its 2017.11.29 attributes, else null. */
    public Origin originOf(Image image, String imageName) {
        AttributeValue origin = image.attributes().get(stamp.originAttribute());
        if (origin != null) {
            String region = region(origin, stamp.originAttribute(), imageName);
            return new Origin(region, writeTime(image.attributes().get(stamp.writeTimeAttribute()), imageName), false);
        }
        return legacyOriginOf(image, imageName);
    }

    /** The 2017.11.29 origin ({@code aws:rep:updateregion}, {@code aws:rep:updatetime}), else null. */
    public Origin legacyOriginOf(Image image, String imageName) {
        AttributeValue legacy = image.attributes().get(LEGACY_REGION);
        if (legacy == null) {
            return null;
        }
        String region = region(legacy, LEGACY_REGION, imageName);
        return new Origin(region, legacyTime(image.attributes().get(LEGACY_TIME), imageName), true);
    }

    /** Whether the image is a tombstone (its deleted flag is true). */
    public boolean isTombstone(Image image, String imageName) {
        AttributeValue flag = image.attributes().get(stamp.deletedAttribute());
        if (flag == null) {
            return false;
        }
        if (flag instanceof AttributeValue.Bool bool) {
            return bool.value();
        }
        throw new InvalidStamp(imageName + "." + stamp.deletedAttribute() + " is " + flag.type()
                + ", but the tombstone flag must be BOOL");
    }

    /** Like {@link #isTombstone} but a flag of the wrong type counts as no tombstone (for the image an item had before). */
    public boolean wasTombstone(Image image) {
        return image.attributes().get(stamp.deletedAttribute()) instanceof AttributeValue.Bool bool && bool.value();
    }

    /** Whether the 2017.11.29 {@code aws:rep:deleting} flag is set. */
    public static boolean legacyDeleting(Image image) {
        return image.attributes().get(LEGACY_DELETING) instanceof AttributeValue.Bool bool && bool.value();
    }

    /** The TTL attribute in whole epoch seconds, when it is a number (DynamoDB's TTL ignores any other type). */
    public OptionalLong ttlSeconds(Image image) {
        AttributeValue ttl = image.attributes().get(stamp.ttlAttribute());
        if (!(ttl instanceof AttributeValue.N n)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(n.value()));
        } catch (NumberFormatException e) {
            try {
                return OptionalLong.of(new BigDecimal(n.value())
                        .setScale(0, RoundingMode.FLOOR)
                        .longValueExact());
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                return OptionalLong.empty();
            }
        }
    }

    /**
     * Whether a MODIFY changed only the 2017.11.29 {@code aws:rep:*} attributes: the new image names an
     * update region and every other attribute is the same in both images.
     */
    public static boolean onlyLegacyAttributesChanged(Image before, Image after) {
        Map<String, AttributeValue> next = after.attributes();
        if (!next.containsKey(LEGACY_REGION) && !next.containsKey(LEGACY_DELETING)) {
            return false;
        }
        Map<String, AttributeValue> previous = before.attributes();
        int compared = 0;
        for (Map.Entry<String, AttributeValue> entry : next.entrySet()) {
            if (entry.getKey().startsWith(LEGACY_PREFIX)) {
                continue;
            }
            if (!entry.getValue().equals(previous.get(entry.getKey()))) {
                return false;
            }
            compared++;
        }
        int previousOthers = 0;
        for (String name : previous.keySet()) {
            if (!name.startsWith(LEGACY_PREFIX)) {
                previousOthers++;
            }
        }
        return compared == previousOthers;
    }

    private String region(AttributeValue value, String attribute, String imageName) {
        if (!(value instanceof AttributeValue.S s)) {
            throw new InvalidStamp(imageName + "." + attribute + " is " + value.type()
                    + ", but an origin stamp must be S (a region code)");
        }
        String region = s.value();
        if (!replicaRegionSet.contains(region)) {
            throw new InvalidStamp(imageName + "." + attribute + " names '" + region
                    + "', which holds no replica of table '" + table + "' (its replicas: " + replicaRegions + ")");
        }
        return region;
    }

    private OptionalLong writeTime(AttributeValue value, String imageName) {
        if (value == null) {
            return OptionalLong.empty();
        }
        String at = imageName + "." + stamp.writeTimeAttribute();
        if (!(value instanceof AttributeValue.N n)) {
            throw new InvalidStamp(at + " is " + value.type() + ", but the write time must be N (epoch milliseconds)");
        }
        long millis;
        try {
            millis = Long.parseLong(n.value());
        } catch (NumberFormatException e) {
            try {
                millis = new BigDecimal(n.value()).longValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                throw new InvalidStamp(
                        at + " is " + n.value() + ", but the write time must be whole epoch milliseconds");
            }
        }
        if (millis < 0) {
            throw new InvalidStamp(at + " is negative (" + millis + "); the write time must be epoch milliseconds");
        }
        return OptionalLong.of(millis);
    }

    private static OptionalLong legacyTime(AttributeValue value, String imageName) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!(value instanceof AttributeValue.N n)) {
            throw new InvalidStamp(
                    imageName + "." + LEGACY_TIME + " is " + value.type() + ", but it must be N (epoch seconds)");
        }
        try {
            long millis = new BigDecimal(n.value())
                    .movePointRight(3)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
            if (millis < 0) {
                throw new ArithmeticException("negative");
            }
            return OptionalLong.of(millis);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidStamp(
                    imageName + "." + LEGACY_TIME + " is " + n.value() + ", which is not a time in epoch seconds");
        }
    }
}
