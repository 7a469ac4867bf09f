package dev.distributary.replication.writer;

import java.util.Objects;

/**
 * A write refused before anything was sent: the item's data class is not permitted in one of the
 * regions its table replicates to (global tables copy every item to every replica).
 */
public final class ResidencyViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String dataClass;
    private final String forbiddenRegion;

    public ResidencyViolationException(String table, String dataClass, String forbiddenRegion, String message) {
        super(message);
        this.table = Objects.requireNonNull(table, "table");
        this.dataClass = Objects.requireNonNull(dataClass, "dataClass");
        this.forbiddenRegion = Objects.requireNonNull(forbiddenRegion, "forbiddenRegion");
    }

    public String table() {
        return table;
    }

    /** The item's data class as written (or the table's default when it carried none). */
    public String dataClass() {
        return dataClass;
    }

    /** The first replica region the class is not permitted in. */
    public String forbiddenRegion() {
        return forbiddenRegion;
    }
}
