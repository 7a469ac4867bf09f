package dev.distributary.cli.cost;

/**
 * The load to price: application writes per second over the whole platform, and the item size.
 *
 * @param writesPerSecond events (application writes, each in its writing region) per second; > 0
 * @param itemKb          the item size in KB; > 0 and at most DynamoDB's 400 KB item limit
 */
public record Workload(double writesPerSecond, double itemKb) {
    /** DynamoDB's item size limit. */
    public static final double MAX_ITEM_KB = 400;
    /** A 30-day month. */
    public static final double SECONDS_PER_MONTH = 2_592_000;

    public Workload {
        if (!Double.isFinite(writesPerSecond) || writesPerSecond <= 0) {
            throw new IllegalArgumentException("--writes-per-second must be a number greater than 0, not " + format(writesPerSecond));
        }
        if (!Double.isFinite(itemKb) || itemKb <= 0 || itemKb > MAX_ITEM_KB) {
            throw new IllegalArgumentException("--item-kb must be greater than 0 and at most 400 (DynamoDB's item size limit), not " + format(itemKb));
        }
    }

    /** Write units per write of one item: one per started KB. */
    public int writeUnitsPerItem() {
        return (int) Math.ceil(itemKb);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Double.isFinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
