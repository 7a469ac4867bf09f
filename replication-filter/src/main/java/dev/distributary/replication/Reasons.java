package dev.distributary.replication;

import dev.distributary.change.Operation;

/** The sentences shared by the write outcomes. */
final class Reasons {
    private Reasons() {}

    static String write(Operation operation, Origin origin, boolean removesTombstone) {
        if (operation == Operation.REMOVE) {
            return "a hard delete"
                    + (removesTombstone ? " of a tombstone (its logical delete was published before)" : "")
                    + ", attributed to the item's last writer " + origin.describe();
        }
        return "a" + (operation == Operation.INSERT ? "n " : " ") + operation + " written in " + origin.describe();
    }
}
