package dev.distributary.cost;

import dev.distributary.cost.internal.Numbers;

/**
 * The load to price: application writes per second over the whole platform, and the item size.
 *
 * @param writesPerSecond events (application writes, each in its writing region) per second; > 0 and at most {@link #MAX_WRITES_PER_SECOND}
 * @param itemKb          the item size in KB; > 0 and at most DynamoDB's 400 KB item limit
 */
public record Workload(double writesPerSecond, double itemKb) {
    /** DynamoDB's item size limit. */
    public static final double MAX_ITEM_KB = 400;
    /**
     * The highest rate the model prices: ten million writes a second over the platform, far above any
     * account's DynamoDB throughput quotas, and low enough for every figure to stay exact in a double.
     */
    public static final double MAX_WRITES_PER_SECOND = 10_000_000;
    /** A 30-day month. */
    public static final double SECONDS_PER_MONTH = 2_592_000;

    public Workload {
        if (!Double.isFinite(writesPerSecond) || writesPerSecond <= 0 || writesPerSecond > MAX_WRITES_PER_SECOND) {
            throw new IllegalArgumentException(
                    "--writes-per-second must be a number greater than 0 and at most 10000000 (ten million), not "
                            + Numbers.plain(writesPerSecond));
        }
        if (!Double.isFinite(itemKb) || itemKb <= 0 || itemKb > MAX_ITEM_KB) {
            throw new IllegalArgumentException(
                    "--item-kb must be greater than 0 and at most 400 (DynamoDB's item size limit), not "
                            + Numbers.plain(itemKb));
        }
    }

    /** Write units per write of one item: one per started KB. */
    public int writeUnitsPerItem() {
        return (int) Math.ceil(itemKb);
    }
}
