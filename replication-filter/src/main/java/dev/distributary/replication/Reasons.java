package dev.distributary.replication;

/** The sentences shared by the write outcomes. */
final class Reasons {
    private Reasons() {
    }

    static String write(ChangeOp operation, Origin origin, boolean removesTombstone) {
        if (operation == ChangeOp.REMOVE) {
            return "a hard delete" + (removesTombstone ? " of a tombstone (its logical delete was published before)" : "")
                    + ", attributed to the item's last writer " + origin.describe();
        }
        return "a" + (operation == ChangeOp.INSERT ? "n " : " ") + operation + " written in " + origin.describe();
    }
}
