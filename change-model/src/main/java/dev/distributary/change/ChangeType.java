package dev.distributary.change;

import java.util.Optional;

/** The event names of a DynamoDB stream. */
public enum ChangeType {
    INSERT, MODIFY, REMOVE;

    public static Optional<ChangeType> of(String eventName) {
        for (ChangeType type : values()) {
            if (type.name().equals(eventName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
