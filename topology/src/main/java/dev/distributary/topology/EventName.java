package dev.distributary.topology;

/**
 * The kind of change a consumer subscribes to. A tombstone (a logical delete) counts as
 * {@link #REMOVE}, like a hard delete; a removal by DynamoDB's TTL process is {@link #EXPIRE}, so
 * that a consumer can tell an expiry from a delete and choose whether it wants expiries. A consumer
 * that names no event names takes all four.
 */
public enum EventName implements YamlName {
    INSERT, MODIFY, REMOVE, EXPIRE;

    @Override
    public String yamlName() {
        return name();
    }
}
