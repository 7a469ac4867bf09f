package dev.distributary.topology;

import java.util.Objects;

/** A key attribute of a table: its name and its DynamoDB scalar type. */
public record KeyAttribute(String name, KeyType type) {
    public KeyAttribute {
        Names.requireAttributeName(name, "key attribute");
        Objects.requireNonNull(type, "type");
    }
}
