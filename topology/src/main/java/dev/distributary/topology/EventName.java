package dev.distributary.topology;

/**
 * The kind of change a consumer subscribes to. A tombstone (a logical delete) counts as
 * {@link #REMOVE}, like a hard delete.
 */
public enum EventName implements YamlName {
    INSERT, MODIFY, REMOVE;

    @Override
    public String yamlName() {
        return name();
    }
}
