package dev.distributary.local.workload;

/**
 * What a workload writes.
 *
 * @param events           operations in all: ordinary writes plus the poison records and the refused write
 * @param ratePerSecond    operations per second, all regions together
 * @param seed             seeds every choice (regions, tables, ops, classes, positions)
 * @param otherClassShare  the share of new items given a data class other than their table's default: another
 *                         class of the platform, or one it does not know; an item whose class is not permitted
 *                         in every replica region of its table is written around the origin-stamping writer
 *                         (which would refuse it), with the stamp set by hand, so the processors' residency
 *                         guard is what must stop it
 * @param poisonRecords    records no processor can classify (an origin stamp of the wrong type), written around
 *                         the writer at random positions
 * @param poisonAnywhere   poison goes to a random table and writing region; otherwise to the table with the
 *                         fewest processing replicas, so each poison is quarantined once
 * @param refusedWrite     one write, at a random position, that the writer must refuse for residency
 */
public record WorkloadOptions(
        int events,
        double ratePerSecond,
        long seed,
        double otherClassShare,
        int poisonRecords,
        boolean poisonAnywhere,
        boolean refusedWrite) {

    public WorkloadOptions {
        if (events < 1) {
            throw new IllegalArgumentException("a workload needs at least 1 event, not " + events);
        }
        if (ratePerSecond <= 0 || ratePerSecond > 500) {
            throw new IllegalArgumentException(
                    "the rate must be above 0 and at most 500 writes a second, not " + ratePerSecond);
        }
        if (otherClassShare < 0 || otherClassShare > 1) {
            throw new IllegalArgumentException(
                    "the share of items with another data class must be between 0 and 1, not " + otherClassShare);
        }
        if (poisonRecords < 0 || poisonRecords + (refusedWrite ? 1 : 0) > events) {
            throw new IllegalArgumentException(poisonRecords + " poison records do not fit in " + events + " events");
        }
    }

    /** Ordinary writes only: inserts, modifies and tombstones of items in their table's default class. */
    public static WorkloadOptions of(int events, double ratePerSecond, long seed) {
        return new WorkloadOptions(events, ratePerSecond, seed, 0, 0, false, false);
    }

    public WorkloadOptions withOtherClasses(double share) {
        return new WorkloadOptions(events, ratePerSecond, seed, share, poisonRecords, poisonAnywhere, refusedWrite);
    }

    public WorkloadOptions withPoison(int count, boolean anywhere) {
        return new WorkloadOptions(events, ratePerSecond, seed, otherClassShare, count, anywhere, refusedWrite);
    }

    public WorkloadOptions withRefusedWrite() {
        return new WorkloadOptions(events, ratePerSecond, seed, otherClassShare, poisonRecords, poisonAnywhere, true);
    }
}
